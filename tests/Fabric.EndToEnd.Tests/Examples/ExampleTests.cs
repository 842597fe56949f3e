using Fabric.EndToEnd.Tests.Fabfiles;
using Fabric.EndToEnd.Tests.Infrastructure;

namespace Fabric.EndToEnd.Tests.Examples;

/// <summary>
/// Each example runs the commands its README shows, from its own folder, as a reader would. The examples reference
/// the Fabric source project, so they build with the other fabfile builds, one at a time.
/// </summary>
[Collection(FabfileBuilds.Name)]
public sealed class ExampleTests
{
    private static readonly string Hello = Repository.Path("examples", "hello");
    private static readonly string Roles = Repository.Path("examples", "roles");

    [Fact]
    public async Task Hello_example_lists_greets_and_refuses_a_bad_argument()
    {
        var list = await RunOkAsync(Hello, "--list");
        Assert.Equal(["Available", "facts", "hello", "pause", "tolerant"], list.StdoutLines.Select(FirstWord));

        Assert.Equal(["Hello, world!", "Done."], (await RunOkAsync(Hello)).StdoutLines);
        Assert.Equal(["HELLO, ADA!", "HELLO, ADA!", "Done."], (await RunOkAsync(Hello, "hello:name=Ada,times=2,shout=true")).StdoutLines);

        var several = await RunOkAsync(Hello, "facts", "tolerant", "pause:seconds=0.5");
        Assert.Contains("[localhost] local: nproc", several.StdoutLines);
        Assert.Contains(several.StdoutLines, l => l.StartsWith("the file is missing (exit code 1)", StringComparison.Ordinal));
        Assert.Contains("paused 0.5 s", several.StdoutLines);

        Assert.Contains("Greets someone.", (await RunOkAsync(Hello, "-d", "hello")).Stdout, StringComparison.Ordinal);

        var bad = await FabTool.RunAsync(Hello, ["hello:times=lots"]);
        Assert.Equal(2, bad.ExitCode);
        Assert.DoesNotContain("Hello", bad.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Roles_example_runs_each_task_once_per_host_of_its_list()
    {
        var list = await RunOkAsync(Roles, "--list");
        Assert.Equal(["Available", "anywhere", "cache", "mixed", "use-db", "web"], list.StdoutLines.Select(FirstWord));
        Assert.DoesNotContain("looking up", list.Stdout, StringComparison.Ordinal);

        var roles = await RunOkAsync(Roles, "web", "mixed", "cache");
        Assert.Equal(
            ["web on web1", "web on web2", "web on deploy@web3:2222", "mixed on web1", "mixed on db1", "cache on cache1", "cache on cache2"],
            Runs(roles));
        Assert.Contains("[deploy@web3:2222] web on deploy@web3:2222 (host web3, user deploy, port 2222)", roles.StdoutLines);
        Assert.Contains("(looking up the cache hosts...)", roles.StdoutLines);

        Assert.Equal("running once, locally: no host named anywhere", (await RunOkAsync(Roles, "anywhere")).StdoutLines[0]);
        Assert.Equal(
            ["anywhere on web1", "anywhere on web2", "anywhere on deploy@web3:2222", "anywhere on cache1", "anywhere on cache2"],
            Runs(await RunOkAsync(Roles, "-R", "web,cache", "anywhere")));
        Assert.Equal(["anywhere on a", "anywhere on b"], Runs(await RunOkAsync(Roles, "-H", "a,b", "anywhere")));
        Assert.Equal(["anywhere on db1"], Runs(await RunOkAsync(Roles, "use-db", "anywhere")));
        Assert.Equal(["web on a", "web on b"], Runs(await RunOkAsync(Roles, "web:hosts=a;b")));
        Assert.Equal(["web on web1", "web on deploy@web3:2222"], Runs(await RunOkAsync(Roles, "-x", "web2", "web")));
        Assert.Equal(["anywhere on web9"], Runs(await RunOkAsync(Roles, "--set", "extra=web9", "anywhere")));
    }

    private static async Task<FabResult> RunOkAsync(string example, params string[] args)
    {
        var result = await FabTool.RunAsync(example, args);
        Assert.True(result.ExitCode == 0, $"dotnet fab {string.Join(' ', args)} in {example}:\n{result}");
        return result;
    }

    private static string FirstWord(string line) => line.Trim().Split(' ')[0];

    /// <summary>"web on web1" for each line the roles example's tasks print about where they run.</summary>
    private static string[] Runs(FabResult result) =>
        [.. result.StdoutLines
            .Where(l => l.Contains(" on ", StringComparison.Ordinal) && !l.Contains("Executing", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf("] ", StringComparison.Ordinal) + 2)..l.IndexOf(" (", StringComparison.Ordinal)])];
}
