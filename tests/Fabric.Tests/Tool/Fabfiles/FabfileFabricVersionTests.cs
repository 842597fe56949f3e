using System.Reflection;
using Fabric.Engine;
using Fabric.Tool.Fabfiles;

namespace Fabric.Tests.Tool.Fabfiles;

public sealed class FabfileFabricVersionTests
{
    // This test assembly references Fabric, at the version the build gives it: it stands in for a fabfile.
    private static readonly Assembly Fabfile = typeof(FabfileFabricVersionTests).Assembly;
    private static readonly Version Referenced = Fabfile.GetReferencedAssemblies().Single(a => a.Name == "Fabric").Version!;

    [Fact]
    public void Fabfile_built_against_a_newer_Fabric_is_refused_naming_both_versions()
    {
        var older = new AssemblyName("Fabric") { Version = new Version(0, 0, 0, 1) };
        Assert.True(Referenced > older.Version, "the repository's Fabric version is above 0.0.0.1");

        var error = Assert.Throws<FabricUsageException>(() => FabfileFabricVersion.EnsureCompatible(Fabfile, older, "Fabfile.csproj"));

        Assert.Contains(Referenced.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains(older.Version!.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fabfile_built_against_the_same_or_an_older_Fabric_is_accepted()
    {
        FabfileFabricVersion.EnsureCompatible(Fabfile, new AssemblyName("Fabric") { Version = Referenced }, "Fabfile.csproj");
        FabfileFabricVersion.EnsureCompatible(Fabfile, new AssemblyName("Fabric") { Version = new Version(99, 0) }, "Fabfile.csproj");
    }
}
