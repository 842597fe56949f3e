using Fabric.EndToEnd.Tests.Infrastructure;
using Fabric.EndToEnd.Tests.Ssh;

namespace Fabric.EndToEnd.Tests.Faults;

/// <summary>
/// The host's sshd goes away between two tasks of one run (its listener and every open connection, as a crash or a
/// full restart does), on a server of the test's own so the shared one is not disturbed.
/// </summary>
[Collection(SshdGroup.Name)]
public sealed class SshdRestartTests(SshdFixture sshd) : IDisposable
{
    private const string Address = "127.0.0.10";
    private readonly RestartableSshd _server = new(sshd, Address);
    private readonly string _knownHosts = sshd.Path($"known_hosts-restart-{Guid.NewGuid():N}");
    private readonly string _go = sshd.Path($"go-{Guid.NewGuid():N}");

    private string Host => $"{Address}:{_server.Port}";

    [Fact]
    public async Task An_sshd_restarted_between_two_tasks_is_connected_to_afresh_for_the_second()
    {
        var before = _server.ConnectionsTo();
        using var fab = Start();
        await fab.WaitForAsync($"[{Host}] out: {SshdFixture.OpsUser}");

        _server.Stop();
        _server.Start();
        await File.WriteAllTextAsync(_go, "");
        var result = await fab.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, result.RunLines.Count(l => l == $"[{Host}] out: {SshdFixture.OpsUser}"));
        Assert.Equal(2, _server.ConnectionsTo() - before - 1); // less the restarted server's own probe
    }

    [Fact]
    public async Task An_sshd_that_stays_down_after_the_first_task_fails_the_second_naming_the_host_and_connection_refused()
    {
        using var fab = Start();
        await fab.WaitForAsync($"[{Host}] out: {SshdFixture.OpsUser}");

        _server.Stop();
        await File.WriteAllTextAsync(_go, "");
        var result = await fab.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"Fatal error: Could not connect to {Host}: connection refused. (task 'whoami' on {Host})", result.StderrLines);
        Assert.Contains(result.StdoutLines, l => l.StartsWith("  whoami    ", StringComparison.Ordinal) && l.Contains(" ok ", StringComparison.Ordinal));
        Assert.Contains(result.StdoutLines, l => l.StartsWith("  whoami    ", StringComparison.Ordinal) && l.Contains(" failed ", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _server.Dispose();
        File.Delete(_knownHosts);
        File.Delete(_go);
    }

    private FabProcess Start() => FabProcess.Start(
        "-f", Repository.Path("tests", "fabfiles", "remote"), "-i", sshd.ClientKey, "--known-hosts", _knownHosts, "-u", SshdFixture.OpsUser,
        "-H", Host, "whoami", $"wait-for:path={_go}", "whoami");
}
