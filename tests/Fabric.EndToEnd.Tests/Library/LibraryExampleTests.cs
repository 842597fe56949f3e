using Fabric.EndToEnd.Tests.Infrastructure;
using Fabric.EndToEnd.Tests.Ssh;

namespace Fabric.EndToEnd.Tests.Library;

/// <summary>
/// examples/library, the console program that uses Fabric as a library, run as its README shows against the test sshd. It is
/// built next to these tests; it runs with a home folder of its own and no agent, so it never reads the running user's <c>~/.ssh</c>.
/// </summary>
[Collection(SshdGroup.Name)]
public sealed class LibraryExampleTests(SshdFixture sshd)
{
    private const int Timeout = 120_000;
    private static readonly string Program = Path.Combine(AppContext.BaseDirectory, "fabric-library-example.dll");

    [Fact(Timeout = Timeout)]
    public async Task The_example_runs_on_the_first_host_then_on_all_five_and_exits_zero()
    {
        string[] hosts = [.. Enumerable.Range(0, SshdFixture.HostCount).Select(i => LibraryHosts.Host(sshd, i))];

        var result = await RunAsync(hosts);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"{hosts[0]}: logged in as {SshdFixture.OpsUser}; uploaded and read back 'hello from Fabric'; removed: True", result.StdoutLines[0]);
        Assert.Equal(hosts.Select(h => $"{h}: ok: {Environment.MachineName}"), result.StdoutLines.Skip(1).Take(hosts.Length));
        Assert.Equal("Succeeded on all 5 hosts.", result.StdoutLines[^1]);
    }

    [Fact(Timeout = Timeout)]
    public async Task The_example_reports_an_unreachable_host_in_one_line_and_exits_one()
    {
        var dead = LibraryHosts.Dead();
        string[] hosts = [LibraryHosts.Host(sshd, 0), dead, LibraryHosts.Host(sshd, 1)];

        var result = await RunAsync(hosts, "-v");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(result.StdoutLines, l => l.StartsWith($"{dead}: FAILED: Could not connect to {dead}", StringComparison.Ordinal));
        Assert.Contains($"{hosts[2]}: ok: {Environment.MachineName}", result.StdoutLines);
        Assert.Contains($"[{hosts[2]}] run: uname -n", result.StdoutLines);
        Assert.Contains($"Failed on 1 of 3 hosts ({dead}):", result.StdoutLines);
        Assert.DoesNotContain("Exception", result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    private async Task<FabResult> RunAsync(IEnumerable<string> hosts, params string[] extra)
    {
        var home = Directory.CreateTempSubdirectory("fabric-library-home-").FullName;
        try
        {
            return await ChildProcess.RunAsync(
                FabTool.DotnetHost,
                [Program, "--user", SshdFixture.OpsUser, "-i", sshd.ClientKey, "--known-hosts", LibraryHosts.KnownHosts(sshd), .. extra, .. hosts],
                home,
                new Dictionary<string, string> { ["HOME"] = home, ["SSH_AUTH_SOCK"] = "" },
                TimeSpan.FromSeconds(100));
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }
}
