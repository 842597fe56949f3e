using Fabric.Engine;
using Fabric.Tool.Fabfiles;

namespace Fabric.EndToEnd.Tests.Fabfiles;

[Collection(FabfileBuilds.Name)]
public sealed class FabfileBuildErrorTests
{
    [Fact]
    public void Compile_error_is_a_usage_error_showing_the_compilers_lines_and_is_retried_next_time()
    {
        using var project = new TempFabfile("""
            public static class Fabfile
            {
                public static void Deploy() { var x = 1 }
            }
            """);

        var error = Assert.Throws<FabricUsageException>(() => FabfileLoader.Load(null, project.Root, TextWriter.Null));

        Assert.Contains("Fabfile.cs(3,45): error CS1002: ; expected", error.Message, StringComparison.Ordinal);
        var status = new StringWriter();
        Assert.Throws<FabricUsageException>(() => FabfileLoader.Load(null, project.Root, status));
        Assert.StartsWith("Building ", status.ToString(), StringComparison.Ordinal);
    }
}
