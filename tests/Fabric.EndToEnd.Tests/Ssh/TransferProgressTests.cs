using Fabric.EndToEnd.Tests.Infrastructure;

namespace Fabric.EndToEnd.Tests.Ssh;

/// <summary>
/// The <c>Put</c>/<c>Get</c> progress bar: drawn on a terminal (a pty made by util-linux <c>script</c>), never through a
/// pipe, and not under <c>--hide running</c>.
/// </summary>
[Collection(SshdGroup.Name)]
public sealed class TransferProgressTests(SshdFixture sshd) : IDisposable
{
    private const string Erase = "\r\u001b[2K";
    private readonly string _knownHosts = sshd.Path($"known_hosts-progress-{Guid.NewGuid():N}");
    private readonly string _local = Directory.CreateTempSubdirectory("fabric-progress-").FullName;
    private readonly string _remote = SshdFixture.OpsFolder("fabric-progress-remote-");

    private string Host => $"{SshdFixture.Address(3)}:{sshd.Port}";

    public void Dispose()
    {
        File.Delete(_knownHosts);
        Directory.Delete(_local, recursive: true);
        Directory.Delete(_remote, recursive: true);
    }

    private string[] Args(params string[] more) =>
        ["-f", Repository.Path("tests", "fabfiles", "remote"), "-i", sshd.ClientKey, "--known-hosts", _knownHosts, "-u", SshdFixture.OpsUser, "-H", Host, .. more];

    private string Upload()
    {
        var source = Path.Combine(_local, "big.bin");
        using (var file = File.Create(source))
        {
            file.SetLength(20L * 1024 * 1024);
        }

        return $"upload:local={source},remote={_remote}/big.bin";
    }

    [Fact]
    public async Task On_a_terminal_a_large_put_draws_a_bar_and_erases_it()
    {
        var output = await OnTerminalAsync(Args(Upload(), $"download:remote={_remote}/big.bin,local={_local}/back.bin"));

        Assert.Contains($"[{Host}] {_remote}/big.bin [", output, StringComparison.Ordinal);
        Assert.Contains("MB/s" + Erase, output, StringComparison.Ordinal);
        Assert.DoesNotContain("MB/s", output[output.LastIndexOf(Erase, StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("Done.", output, StringComparison.Ordinal);
        Assert.Equal(20L * 1024 * 1024, new FileInfo(Path.Combine(_local, "back.bin")).Length);
    }

    [Fact]
    public async Task On_a_terminal_under_hide_running_there_is_no_bar()
    {
        var output = await OnTerminalAsync(Args("--hide", "running", Upload()));

        Assert.Contains("Done.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("MB/s", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Through_a_pipe_there_is_no_bar()
    {
        var result = await FabTool.RunAsync(Repository.Root, Args(Upload()));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"[{Host}] put: {_local}/big.bin -> {_remote}/big.bin", result.StdoutLines);
        Assert.DoesNotContain("MB/s", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', result.Stdout);
        Assert.DoesNotContain('\u001b', result.Stdout);
    }

    /// <summary>Runs <c>dotnet fab</c> on a pty, checks it succeeded, and returns all it printed there.</summary>
    private static async Task<string> OnTerminalAsync(string[] args)
    {
        var result = await FabTool.OnTerminalAsync(Repository.Root, args);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Stdout + result.Stderr;
    }
}
