using Fabric.EndToEnd.Tests.Infrastructure;

namespace Fabric.EndToEnd.Tests.Ssh;

/// <summary>
/// A serial run shows the start of a remote line (a prompt without a line break) as it arrives; <c>--linewise</c>
/// shows only whole lines. Through the real <c>dotnet fab</c> and the test sshd.
/// </summary>
[Collection(SshdGroup.Name)]
public sealed class LinewiseTests(SshdFixture sshd) : IDisposable
{
    private readonly string _knownHosts = sshd.Path($"known_hosts-linewise-{Guid.NewGuid():N}");
    private readonly string _dir = SshdFixture.OpsFolder("fabric-linewise-");

    private string Host => $"{SshdFixture.Address(0)}:{sshd.Port}";

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private FabProcess Start(params string[] args) =>
        FabProcess.Start(["-f", Repository.Path("tests", "fabfiles", "remote"), "-i", sshd.ClientKey, "--known-hosts", _knownHosts, "-u", SshdFixture.OpsUser, "-H", Host, .. args, $"interleave:dir={_dir}"]);

    [Fact]
    public async Task A_serial_run_shows_a_remote_prompt_before_its_line_ends_and_goes_on_after_its_prefix_when_stderr_came_between()
    {
        var log = Path.Combine(_dir, "run.log");
        using var fab = Start("--log-file", log);

        await fab.WaitForAsync($"[{Host}] out: Ready? ");
        Assert.DoesNotContain("go", fab.Stdout.Split($"[{Host}] out: Ready? ")[1], StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(_dir, "1"), "");
        await fab.WaitForAsync($"[{Host}] err: warm");
        await File.WriteAllTextAsync(Path.Combine(_dir, "2"), "");
        var result = await fab.WaitForExitAsync(TimeSpan.FromMinutes(3));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [$"[{Host}] out: Ready? ", $"[{Host}] err: warm", $"[{Host}] out: go"],
            result.Stdout.ReplaceLineEndings("\n").Split('\n').Where(l => l.StartsWith($"[{Host}] out:", StringComparison.Ordinal) || l.StartsWith($"[{Host}] err:", StringComparison.Ordinal)));
        var logged = File.ReadAllLines(log);
        Assert.Single(logged, l => l.EndsWith($"[{Host}] out: Ready? go", StringComparison.Ordinal));
        Assert.DoesNotContain(logged, l => l.EndsWith($"[{Host}] out: Ready? ", StringComparison.Ordinal) || l.EndsWith($"[{Host}] out: go", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Linewise_shows_the_prompt_only_with_the_rest_of_its_line()
    {
        using var fab = Start("--linewise");

        await fab.WaitForAsync($"[{Host}] run: ");
        await File.WriteAllTextAsync(Path.Combine(_dir, "1"), "");
        await fab.WaitForAsync($"[{Host}] err: warm");
        await File.WriteAllTextAsync(Path.Combine(_dir, "2"), "");
        var result = await fab.WaitForExitAsync(TimeSpan.FromMinutes(3));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [$"[{Host}] err: warm", $"[{Host}] out: Ready? go"],
            result.StdoutLines.Where(l => l.StartsWith($"[{Host}] out:", StringComparison.Ordinal) || l.StartsWith($"[{Host}] err:", StringComparison.Ordinal)));
    }
}
