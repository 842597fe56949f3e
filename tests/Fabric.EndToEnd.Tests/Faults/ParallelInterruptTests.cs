using Fabric.EndToEnd.Tests.Infrastructure;
using Fabric.EndToEnd.Tests.Ssh;

namespace Fabric.EndToEnd.Tests.Faults;

/// <summary>Ctrl-C (SIGINT) sent to the real tool in the middle of a parallel run over the test sshd's hosts.</summary>
[Collection(SshdGroup.Name)]
public sealed class ParallelInterruptTests(SshdFixture sshd) : IDisposable
{
    private readonly string _knownHosts = sshd.Path($"known_hosts-interrupt-{Guid.NewGuid():N}");

    private string Host(int index) => $"{SshdFixture.Address(index)}:{sshd.Port}";

    [Fact]
    public async Task Ctrl_C_in_a_parallel_run_closes_every_connection_reports_finished_cut_short_and_not_started_hosts_and_exits_130()
    {
        var hosts = Enumerable.Range(0, SshdFixture.HostCount).Select(Host).ToList();
        using var fab = FabProcess.Start(
            "-f", Repository.Path("tests", "fabfiles", "remote"), "-i", sshd.ClientKey, "--known-hosts", _knownHosts, "-u", SshdFixture.TestUser,
            "-P", "-z", "2", "-H", string.Join(',', hosts), "whoami", "sleep:47");
        await fab.WaitForAsync("run: sleep 47", count: 2);
        await Task.Delay(500); // the commands are running on the hosts, not just announced

        await fab.InterruptAsync();
        var result = await fab.WaitForExitAsync(TimeSpan.FromSeconds(25));

        Assert.True(result.ExitCode == 130, result.ToString());
        var rows = result.StdoutLines.SkipWhile(l => l != "Summary:").Skip(2).Take(10).Select(l => l.Split("  ", StringSplitOptions.RemoveEmptyEntries).Select(c => c.Trim()).ToArray()).ToList();
        Assert.Equal(hosts.Select(h => ("whoami", h, "ok")), rows.Take(5).Select(r => (r[0], r[1], r[2])));
        Assert.Equal(hosts.Select((h, i) => ("sleep", h, i < 2 ? "cut short" : "not started")), rows.Skip(5).Select(r => (r[0], r[1], r[2])));
        Assert.All(hosts.Skip(2), h => Assert.DoesNotContain($"[{h}] Executing task 'sleep'", result.RunLines));
        Assert.Empty(await sshd.SessionsLeftAsync());
        Assert.Empty(await ProcessTable.UntilNoneAsync(() => ProcessTable.Running(SshdFixture.TestUser, "sleep 47")));
    }

    [Fact]
    public async Task Ctrl_C_while_a_host_is_still_connecting_ends_the_run_at_once_without_waiting_for_the_connect_timeout()
    {
        using var silent = new SilentHost();
        using var fab = FabProcess.Start(
            "-f", Repository.Path("tests", "fabfiles", "remote"), "-i", sshd.ClientKey, "--known-hosts", _knownHosts, "-u", SshdFixture.OpsUser,
            "-t", "120", "-P", "-H", $"{Host(0)},{silent.HostString}", "whoami");
        await fab.WaitForAsync($"[{Host(0)}] out: {SshdFixture.OpsUser}");

        await fab.InterruptAsync();
        var result = await fab.WaitForExitAsync(TimeSpan.FromSeconds(60)); // far less than the connect timeout

        Assert.True(result.ExitCode == 130, result.ToString());
        Assert.Contains(result.StdoutLines, l => l.StartsWith($"  whoami  {silent.HostString}", StringComparison.Ordinal) && l.Contains(" cut short", StringComparison.Ordinal));
        Assert.Empty(await sshd.SessionsLeftAsync());
    }

    public void Dispose() => File.Delete(_knownHosts);
}
