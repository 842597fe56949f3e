using System.Runtime.Versioning;
using Fabric.Engine;
using Fabric.Tool.Fabfiles;

namespace Fabric.Tests.Tool.Fabfiles;

public sealed class FabfileTargetRuntimeTests
{
    private static readonly Version Runtime = new(10, 0, 12);

    [Fact]
    public void Fabfile_for_a_newer_runtime_is_refused_with_both_versions_named()
    {
        var error = Assert.Throws<FabricUsageException>(() =>
            FabfileTargetRuntime.EnsureSupported(new FrameworkName(".NETCoreApp,Version=v11.0"), Runtime, "Fabfile.csproj"));

        Assert.Contains("net11.0", error.Message, StringComparison.Ordinal);
        Assert.Contains("10.0.12", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fabfile.csproj", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".NETCoreApp,Version=v10.0")]
    [InlineData(".NETCoreApp,Version=v8.0")]
    [InlineData(".NETStandard,Version=v2.0")]
    public void Fabfile_for_the_same_or_an_older_runtime_is_accepted(string target)
    {
        FabfileTargetRuntime.EnsureSupported(new FrameworkName(target), Runtime, "Fabfile.csproj");
    }

    [Fact]
    public void Fabfile_without_a_known_target_is_accepted()
    {
        FabfileTargetRuntime.EnsureSupported((FrameworkName?)null, Runtime, "Fabfile.dll");
    }
}
