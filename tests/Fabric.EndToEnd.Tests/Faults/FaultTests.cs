using System.Diagnostics;
using Fabric.EndToEnd.Tests.Infrastructure;
using Fabric.EndToEnd.Tests.Ssh;

namespace Fabric.EndToEnd.Tests.Faults;

/// <summary>Hosts that fail in ways real hosts do, through the real tool: the run ends in time and says which host and why.</summary>
[Collection(SshdGroup.Name)]
public sealed class FaultTests(SshdFixture sshd) : IDisposable
{
    private readonly string _knownHosts = sshd.Path($"known_hosts-faults-{Guid.NewGuid():N}");

    private string Host(int index) => $"{SshdFixture.Address(index)}:{sshd.Port}";

    private Task<FabResult> Fab(params string[] args) =>
        FabTool.RunAsync(Repository.Root, ["-f", Repository.Path("tests", "fabfiles", "remote"), "-i", sshd.ClientKey, "--known-hosts", _knownHosts, "-u", SshdFixture.OpsUser, .. args]);

    [Fact]
    public async Task A_host_that_accepts_TCP_but_never_answers_SSH_fails_within_the_connect_timeout_naming_it()
    {
        using var silent = new SilentHost();
        var clock = Stopwatch.StartNew();

        var result = await Fab("-t", "2", "-H", silent.HostString, "whoami");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"Could not connect to {silent.HostString}", result.Stderr, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_refused_connection_fails_naming_the_host_and_the_cause()
    {
        var result = await Fab("-H", $"{SshdFixture.Address(0)}:1", "whoami");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"Could not connect to {SshdFixture.Address(0)}:1: connection refused.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_skip_bad_hosts_a_silent_host_among_good_ones_is_skipped_and_the_others_are_reported()
    {
        using var silent = new SilentHost();

        var result = await Fab("-P", "--skip-bad-hosts", "-t", "2", "-H", $"{Host(0)},{silent.HostString},{Host(1)}", "whoami", "where");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"[{Host(0)}] out: {SshdFixture.OpsUser}", result.StdoutLines);
        Assert.Contains($"[{Host(1)}] out: {SshdFixture.OpsUser}", result.StdoutLines);
        Assert.Contains(result.StdoutLines, l => l.StartsWith($"  whoami  {silent.HostString}", StringComparison.Ordinal) && l.Contains(" skipped ", StringComparison.Ordinal));
        Assert.Contains(result.StdoutLines, l => l.StartsWith($"  where   {silent.HostString}", StringComparison.Ordinal) && l.Contains(" skipped ", StringComparison.Ordinal));
        Assert.Contains($"[{Host(1)}] out: {SshdFixture.Address(1)}", result.StdoutLines);
    }

    [Fact]
    public async Task A_connection_dropped_between_two_tasks_is_found_dead_and_made_again()
    {
        var before = sshd.ConnectionsTo(2);

        var result = await Fab("-H", Host(2), "whoami", $"drop-connections:pidfile={sshd.Path("sshd.pid")}", "where");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"[{Host(2)}] out: {SshdFixture.OpsUser}", result.StdoutLines);
        Assert.Contains($"[{Host(2)}] out: {SshdFixture.Address(2)}", result.StdoutLines);
        Assert.Equal(2, sshd.ConnectionsTo(2) - before);
    }

    [Fact]
    public async Task A_connection_dropped_in_the_middle_of_a_command_ends_the_run_at_once_naming_host_and_command()
    {
        var clock = Stopwatch.StartNew();
        using var fab = FabProcess.Start(
            "-f", Repository.Path("tests", "fabfiles", "remote"), "-i", sshd.ClientKey, "--known-hosts", _knownHosts, "-u", SshdFixture.OpsUser, "-H", $"{Host(3)},{Host(4)}", "sleep:60");
        await fab.WaitForAsync("run: sleep 60");
        await KillConnectionsOnceThereAreAny(File.ReadAllText(sshd.Path("sshd.pid")).Trim());

        var result = await fab.WaitForExitAsync(TimeSpan.FromSeconds(50));
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.True(result.Stderr.Contains($"Connection to {Host(3)} was lost while running 'sleep 60'", StringComparison.Ordinal), result.Stderr);
        Assert.DoesNotContain($"[{Host(4)}] Executing", result.Stdout, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(50), $"took {clock.Elapsed}");
    }

    /// <summary>"run:" is printed before the connection is made, so under load the connection may not exist yet: wait for sshd's child.</summary>
    private static async Task KillConnectionsOnceThereAreAny(string listenerPid)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            try
            {
                SshdFixture.Exec("pgrep", "-P", listenerPid);
                await Task.Delay(500);
                SshdFixture.Exec("pkill", "-P", listenerPid);
                return;
            }
            catch (InvalidOperationException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException("sshd never had a connection to drop");
    }

    [Fact]
    public async Task Authentication_failing_on_one_host_of_five_names_it_and_the_others_are_reported()
    {
        var bad = $"nosuchuser@{Host(2)}";

        var result = await Fab("-P", "-H", $"{Host(0)},{Host(1)},{bad},{Host(3)},{Host(4)}", "whoami");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"Authentication failed for user 'nosuchuser' on {bad}", result.Stderr, StringComparison.Ordinal);
        var rows = result.StdoutLines.SkipWhile(l => l != "Summary:").Skip(2).Take(5).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal([Host(0), Host(1), bad, Host(3), Host(4)], rows.Select(r => r[1]));
        Assert.Equal(["ok", "ok", "failed"], rows.Take(3).Select(r => r[2]));
        Assert.All(rows.Skip(3), r => Assert.Contains(r[2], new[] { "ok", "not" }));
    }

    public void Dispose() => File.Delete(_knownHosts);
}
