using Fabric.EndToEnd.Tests.Fabfiles;
using Fabric.EndToEnd.Tests.Infrastructure;

namespace Fabric.EndToEnd.Tests.BadInput;

/// <summary>Bad fabfiles through the real tool: reported with exit code 2 before anything runs.</summary>
[Collection(FabfileBuilds.Name)]
public sealed class BadFabfileTests
{
    [Fact]
    public async Task A_fabfile_that_does_not_compile_shows_the_compiler_error_and_exits_2()
    {
        using var project = new TempFabfile("public static class Tasks { public static void Broken() { int x = } }");

        var result = await FabTool.RunAsync(project.Root, ["broken"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error CS1525", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_tasks_with_one_name_are_a_load_error_naming_both_methods()
    {
        using var project = new TempFabfile("""
            using Fabric;
            public static class A { [Task] public static void Deploy() => System.IO.File.WriteAllText("ran", ""); }
            public static class B { [Task("deploy")] public static void Other() { } }
            """);

        var result = await FabTool.RunAsync(project.Root, ["deploy"]);

        BadInputCatalogueTests.AssertRejected(result, "duplicate task names", "Two tasks are named 'deploy': A.Deploy and B.Other");
        Assert.False(File.Exists(Path.Combine(project.Root, "ran")));
    }
}
