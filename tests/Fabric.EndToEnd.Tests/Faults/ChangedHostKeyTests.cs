using Fabric.EndToEnd.Tests.Infrastructure;
using Fabric.EndToEnd.Tests.Ssh;

namespace Fabric.EndToEnd.Tests.Faults;

/// <summary>
/// One host of a parallel run presents a key other than the one known_hosts holds for it: that host gets no login and
/// no command, and the run aborts ("a changed key aborts, always"), --skip-bad-hosts or not.
/// </summary>
[Collection(SshdGroup.Name)]
public sealed class ChangedHostKeyTests(SshdFixture sshd) : IDisposable
{
    private const int Changed = 1;
    private readonly string _knownHosts = sshd.Path($"known_hosts-changed-{Guid.NewGuid():N}");
    private readonly string _markers = SshdFixture.OpsFolder("fabric-markers-");

    private string Host(int index) => $"{SshdFixture.Address(index)}:{sshd.Port}";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_changed_host_key_in_a_parallel_run_stops_that_host_before_any_command_and_aborts_the_run(bool skipBadHosts)
    {
        File.WriteAllLines(_knownHosts, Enumerable.Range(0, SshdFixture.HostCount).Select(i => sshd.KnownHostsLine(i, i == Changed ? sshd.OtherHostKey : null)));
        var (loginsBefore, goodLoginsBefore) = (sshd.LoginsTo(Changed), sshd.LoginsTo(0));
        var hosts = Enumerable.Range(0, SshdFixture.HostCount).Select(Host).ToList();

        var result = await FabTool.RunAsync(Repository.Root, [
            "-f", Repository.Path("tests", "fabfiles", "remote"), "-i", sshd.ClientKey, "--known-hosts", _knownHosts, "-u", SshdFixture.OpsUser,
            "-P", "-z", "2", .. skipBadHosts ? ["--skip-bad-hosts"] : Array.Empty<string>(), "-H", string.Join(',', hosts), $"mark:folder={_markers},delay=2"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"Host key for {Host(Changed)} has changed", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(skipBadHosts, result.Stderr.Contains($"[{Host(Changed)}] Warning: Not skipped by --skip-bad-hosts", StringComparison.Ordinal));
        Assert.Equal([SshdFixture.Address(0)], Directory.GetFiles(_markers).Select(Path.GetFileName));
        Assert.Equal(loginsBefore, sshd.LoginsTo(Changed));
        Assert.Equal(goodLoginsBefore + 1, sshd.LoginsTo(0));
        var rows = result.StdoutLines.SkipWhile(l => l != "Summary:").Skip(2).Take(5).Select(l => l.Split("  ", StringSplitOptions.RemoveEmptyEntries).Select(c => c.Trim()).ToArray()).ToList();
        Assert.Equal(["ok", "failed", "not started", "not started", "not started"], rows.Select(r => r[2]));
        Assert.Equal(sshd.KnownHostsLine(Changed, sshd.OtherHostKey), File.ReadAllLines(_knownHosts)[Changed]);
    }

    public void Dispose()
    {
        File.Delete(_knownHosts);
        Directory.Delete(_markers, recursive: true);
    }
}
