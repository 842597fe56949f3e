using Fabric.EndToEnd.Tests.Infrastructure;

namespace Fabric.EndToEnd.Tests.Fabfiles;

/// <summary><c>dotnet fab --list</c> through the real tool: built once, then answered without MSBuild, rebuilt after an edit.</summary>
[Collection(FabfileBuilds.Name)]
public sealed class ListCacheTests
{
    private const string Source = """
        using Fabric;

        public static class Tasks
        {
            /// <summary>The first task.</summary>
            [Task]
            public static void First()
            {
            }
        }
        """;

    [Fact]
    public async Task List_builds_once_answers_from_the_stamp_after_and_rebuilds_after_an_edit()
    {
        using var project = new TempFabfile(Source);

        var first = await FabTool.RunAsync(project.Root, ["--list"]);
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Building fabfile", first.Stderr, StringComparison.Ordinal);
        Assert.Contains("    first    The first task.", first.StdoutLines);
        var built = File.GetLastWriteTimeUtc(Path.Combine(project.Root, "fabfile", "bin", "Debug", "net10.0", "Fabfile.dll"));

        var second = await FabTool.RunAsync(project.Root, ["--list"]);
        Assert.Equal(0, second.ExitCode);
        Assert.DoesNotContain("Building", second.Stderr, StringComparison.Ordinal);
        Assert.Equal(first.Stdout, second.Stdout);
        Assert.Equal(built, File.GetLastWriteTimeUtc(Path.Combine(project.Root, "fabfile", "bin", "Debug", "net10.0", "Fabfile.dll")));

        project.WriteSource(Source.Replace("The first task.", "The first task, renamed.", StringComparison.Ordinal)
            .Replace("public static void First()", "public static void Second()", StringComparison.Ordinal));
        var third = await FabTool.RunAsync(project.Root, ["--list"]);
        Assert.Contains("Building fabfile", third.Stderr, StringComparison.Ordinal);
        Assert.Contains("    second    The first task, renamed.", third.StdoutLines);
        Assert.DoesNotContain("    first    The first task.", third.StdoutLines);
    }
}
