using Fabric.EndToEnd.Tests.Infrastructure;
using Fabric.EndToEnd.Tests.Ssh;

namespace Fabric.EndToEnd.Tests.Faults;

/// <summary>
/// <c>Reboot</c> against an sshd of the test's own: the reboot command (run with sudo, as <c>fabtest</c>) stops that sshd
/// and every connection to it, as a reboot does, and the test starts it again after a while, as a host coming back.
/// Never the machine's own reboot.
/// </summary>
[Collection(SshdGroup.Name)]
public sealed class RebootTests(SshdFixture sshd) : IDisposable
{
    private const string Address = "127.0.0.11";
    private readonly RestartableSshd _server = new(sshd, Address);
    private readonly string _knownHosts = sshd.Path($"known_hosts-reboot-{Guid.NewGuid():N}");
    private readonly string _script = sshd.Path($"stop-{Guid.NewGuid():N}.sh");

    private string Host => $"{SshdFixture.TestUser}@{Address}:{_server.Port}";

    [Fact]
    public async Task Reboot_waits_for_the_host_to_answer_again_and_the_next_command_runs_over_a_new_connection()
    {
        var before = _server.Logins();
        using var fab = Start(wait: 30);
        await fab.WaitForAsync($"[{Host}] Rebooting: waiting up to 30 s for the host to answer again.", timeout: TimeSpan.FromSeconds(120));
        WaitUntilStopped();

        await Task.Delay(TimeSpan.FromSeconds(3));
        _server.Start();
        var result = await fab.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal([$"[{Host}] out: before", $"[{Host}] out: back"], result.StdoutLines.Where(l => l.Contains("] out: ", StringComparison.Ordinal)));
        Assert.Contains($"[{Host}] sudo: sh {_script}", result.StdoutLines);
        Assert.DoesNotContain(SshdFixture.TestUserPassword, result.Stdout + result.Stderr, StringComparison.Ordinal);
        // Two logins, before and after the reboot (connections would also count the restarted server's probe, logged or not
        // depending on how soon it closes).
        Assert.Equal(2, _server.Logins() - before);
    }

    [Fact]
    public async Task A_host_that_does_not_come_back_in_time_fails_naming_the_host_and_the_wait()
    {
        using var fab = Start(wait: 3);
        await fab.WaitForAsync($"[{Host}] Rebooting: waiting up to 3 s for the host to answer again.", timeout: TimeSpan.FromSeconds(120));
        var result = await fab.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(
            result.StderrLines,
            l => l.StartsWith($"Fatal error: {Host} did not answer again within 3 s after 'sh {_script}' (", StringComparison.Ordinal)
                && l.Contains($"Could not connect to {Host}: connection refused", StringComparison.Ordinal));
        Assert.DoesNotContain($"out: back", result.Stdout, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _server.Dispose();
        File.Delete(_knownHosts);
        File.Delete(_script);
    }

    /// <summary>Runs the reboot: a script (run as root through sudo) that, once the command has returned, stops the server as a reboot does.</summary>
    private FabProcess Start(int wait)
    {
        File.WriteAllText(_script, $"""
            p=$(cat '{_server.PidFile}')
            setsid sh -c "sleep 0.3; pkill -P $p; kill $p" >/dev/null 2>&1 </dev/null &

            """);
        return FabProcess.Start(
            "-f", Repository.Path("tests", "fabfiles", "switches"), "-i", sshd.ClientKey, "-p", SshdFixture.TestUserPassword,
            "--known-hosts", _knownHosts, "-H", Host, $"reboot-with:command=sh {_script},wait={wait}");
    }

    private void WaitUntilStopped()
    {
        for (var i = 0; i < 400 && _server.IsRunning; i++)
        {
            Thread.Sleep(25);
        }

        Assert.False(_server.IsRunning, "the reboot command did not stop the server");
    }
}
