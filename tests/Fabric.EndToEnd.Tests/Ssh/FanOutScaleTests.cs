using System.Text.RegularExpressions;
using Fabric.EndToEnd.Tests.Infrastructure;

namespace Fabric.EndToEnd.Tests.Ssh;

/// <summary>
/// The real <c>dotnet fab</c> fanning out to many loopback hosts of its own: every host reported whole, nothing lost,
/// and connections an sshd drops past its <c>MaxStartups</c> retried where the user can see it.
/// </summary>
[Collection(SshdGroup.Name)] // Not alongside the other SSH tests: on two cores they would slow each other down.
public sealed partial class FanOutScaleTests
{
    /// <param name="sshd">The collection's fixture: it creates the test user these runs log in as.</param>
    public FanOutScaleTests(SshdFixture sshd) => ArgumentNullException.ThrowIfNull(sshd);

    private static string Fabfile => Repository.Path("tests", "fabfiles", "remote");

    [Fact]
    public async Task Two_hundred_hosts_with_pool_size_fifty_report_every_host_whole_and_all_ok()
    {
        using var hosts = new LoopbackHosts(200, maxStartups: "100:30:200");

        var result = await Fab(hosts, "-P", "-z", "50", "-H", string.Join(',', hosts.Hosts), "where");

        Assert.True(result.ExitCode == 0, result.ToString());
        var runLines = result.RunLines.Where(l => l.StartsWith('[')).ToList();
        Assert.All(runLines, l => Assert.Matches(HostLine(), l));
        foreach (var host in hosts.Hosts)
        {
            Assert.Single(runLines, $"[{host}] Executing task 'where'");
            Assert.Single(runLines, $"[{host}] out: {host.Split(':')[0]}");
        }

        Assert.Equal("  200 ok.", result.StdoutLines[^1]);
        Assert.Equal(200, result.StdoutLines.Count(l => l.StartsWith("Disconnecting from ", StringComparison.Ordinal) && l.EndsWith("... done.", StringComparison.Ordinal)));
        Assert.Equal(0, hosts.Drops());
        Assert.Equal(200, hosts.Logins());
    }

    [Fact(Timeout = 180_000)]
    public async Task Three_hundred_hosts_over_several_address_blocks_print_each_hosts_line_whole_exactly_once()
    {
        // 300 hosts: 127.0.0.2 … 127.0.0.249 and 127.0.1.2 … 127.0.1.53, served by 19 sshds; a pool larger than the
        // default, so that over a hundred connections are in flight at once.
        using var hosts = new LoopbackHosts(300, maxStartups: "200:30:400");

        var result = await Fab(hosts, "-P", "-z", "100", "-H", string.Join(',', hosts.Hosts), "where");

        Assert.True(result.ExitCode == 0, result.ToString());
        var runLines = result.RunLines.Where(l => l.StartsWith('[')).ToList();
        Assert.All(runLines, l => Assert.Matches(HostLine(), l));
        foreach (var host in hosts.Hosts)
        {
            Assert.Single(runLines, $"[{host}] out: {host.Split(':')[0]}");
        }

        Assert.Equal(300, runLines.Count(l => l.Contains("] out: ", StringComparison.Ordinal)));
        Assert.Equal("  300 ok.", result.StdoutLines[^1]);
        // Each host's connection closed as its execution ended (the run's last task) is still reported once at the end.
        Assert.Equal(300, result.StdoutLines.Count(l => l.StartsWith("Disconnecting from ", StringComparison.Ordinal) && l.EndsWith("... done.", StringComparison.Ordinal)));
        Assert.Equal(0, hosts.Drops());
    }

    [Fact(Timeout = 120_000)]
    public async Task In_the_last_task_run_in_parallel_a_host_that_is_done_is_disconnected_while_the_others_still_run()
    {
        using var hosts = new LoopbackHosts(2, maxStartups: "10:30:100");
        var first = LoopbackHosts.Address(0);
        string[] common = ["-P", "-H", string.Join(',', hosts.Hosts)];

        var last = await Fab(hosts, [.. common, $"outlast-first:{first}"]);
        var notLast = await Fab(hosts, [.. common, $"outlast-first:{first}", "where"]);

        Assert.True(last.ExitCode == 0, last.ToString());
        Assert.Contains("[localhost] out: closed", last.StdoutLines);
        Assert.True(2 == last.StdoutLines.Count(l => l.StartsWith("Disconnecting from ", StringComparison.Ordinal)), last.ToString());
        // A task after it may need the connection again: it stays open until the run ends.
        Assert.True(notLast.ExitCode == 0, notLast.ToString());
        Assert.True(notLast.StdoutLines.Contains("[localhost] out: still open"), notLast.ToString());
    }

    [Fact]
    public async Task Connections_dropped_past_MaxStartups_are_retried_visibly_and_every_host_ends_ok()
    {
        using var hosts = new LoopbackHosts(10, maxStartups: "3:100:3");

        var result = await Fab(hosts, "-P", "-z", "10", "--show", "debug", "-H", string.Join(',', hosts.Hosts), "where");

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var host in hosts.Hosts)
        {
            Assert.Single(result.StdoutLines, $"[{host}] out: {host.Split(':')[0]}");
        }

        var retries = result.StdoutLines.Where(l => l.Contains("closed the connection before the SSH handshake (sshd MaxStartups?); retry", StringComparison.Ordinal)).ToList();
        Assert.NotEqual(0, hosts.Drops());
        Assert.Equal(hosts.Drops(), retries.Count);
        Assert.Equal("  10 ok.", result.StdoutLines[^1]);
    }

    [Fact]
    public async Task A_host_that_drops_every_retry_is_reported_naming_it_and_MaxStartups()
    {
        using var hosts = new LoopbackHosts(1, maxStartups: "1:100:1");
        using var holder = new System.Net.Sockets.TcpClient();
        await holder.ConnectAsync(System.Net.IPAddress.Parse(LoopbackHosts.Address(0)), hosts.Port); // takes the only unauthenticated slot

        var result = await Fab(hosts, "-H", hosts.Hosts[0], "where");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(
            $"Could not connect to {hosts.Hosts[0]}: the server closed the connection before the SSH handshake, 7 times in a row (likely its sshd MaxStartups",
            result.Stderr,
            StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Runs as the fixture's test user, whose login profile is Debian's default (the running user's may be slow or noisy).</summary>
    private Task<FabResult> Fab(LoopbackHosts hosts, params string[] args) =>
        FabTool.RunAsync(
            Repository.Root,
            ["-f", Fabfile, "-u", SshdFixture.TestUser, "-i", hosts.ClientKey, "--known-hosts", hosts.KnownHostsFile, "--reject-unknown-hosts", .. args],
            timeout: TimeSpan.FromMinutes(2));

    /// <summary>A whole line of one host: its prefix, then one of the three things the task prints, and nothing else.</summary>
    [GeneratedRegex(@"^\[127\.0\.\d+\.\d+:\d+\] (Executing task 'where'|run: echo ""\$SSH_CONNECTION"" \| cut -d' ' -f3|out: 127\.0\.\d+\.\d+)$")]
    private static partial Regex HostLine();
}
