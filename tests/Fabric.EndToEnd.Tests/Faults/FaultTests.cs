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
        FabTool.RunAsync(Repository.Root, ["-f", Repository.Path("tests", "fabfiles", "remote"), "-i", sshd.ClientKey, "--known-hosts", _knownHosts, .. args]);

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
        Assert.Contains($"[{Host(0)}] out: root", result.StdoutLines);
        Assert.Contains($"[{Host(1)}] out: root", result.StdoutLines);
        Assert.Contains(result.StdoutLines, l => l.StartsWith($"  whoami  {silent.HostString}", StringComparison.Ordinal) && l.Contains(" skipped ", StringComparison.Ordinal));
        Assert.Contains(result.StdoutLines, l => l.StartsWith($"  where   {silent.HostString}", StringComparison.Ordinal) && l.Contains(" skipped ", StringComparison.Ordinal));
        Assert.Contains($"[{Host(1)}] out: {SshdFixture.Address(1)}", result.StdoutLines);
    }

    public void Dispose() => File.Delete(_knownHosts);
}
