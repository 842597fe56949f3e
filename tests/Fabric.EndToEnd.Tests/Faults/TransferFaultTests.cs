using System.Diagnostics;
using Fabric.EndToEnd.Tests.Infrastructure;
using Fabric.EndToEnd.Tests.Ssh;

namespace Fabric.EndToEnd.Tests.Faults;

/// <summary>
/// The server dies in the middle of a <c>Put</c> or a <c>Get</c> (its per-connection processes are killed once the staged
/// file exists, as <see cref="FaultTests"/> does for a command): the run ends in time, says which host and that the
/// connection was lost during the transfer, and the target keeps its old content; no partial copy is left on either side.
/// </summary>
[Collection(SshdGroup.Name)]
public sealed class TransferFaultTests(SshdFixture sshd) : IDisposable
{
    private const long Big = 256L * 1024 * 1024;
    private readonly string _knownHosts = sshd.Path($"known_hosts-transfer-faults-{Guid.NewGuid():N}");
    private readonly string _local = Directory.CreateTempSubdirectory("fabric-transfer-fault-").FullName;
    private readonly string _remote = SshdFixture.OpsFolder("fabric-transfer-fault-remote-");

    private string Host(int index) => $"{SshdFixture.Address(index)}:{sshd.Port}";

    public void Dispose()
    {
        File.Delete(_knownHosts);
        Directory.Delete(_local, recursive: true);
        Directory.Delete(_remote, recursive: true);
    }

    [Fact]
    public async Task The_server_killed_in_the_middle_of_an_upload_fails_the_run_naming_the_host_and_the_target_keeps_its_old_content_and_no_staged_copy()
    {
        var source = Sparse(Path.Combine(_local, "big.bin"));
        var target = Path.Combine(_remote, "big.bin");
        await File.WriteAllTextAsync(target, "old\n");

        var run = await RunKillingSshdOnceAsync(
            ["-H", Host(1), $"upload:local={source},remote={target}"],
            () => Staged().Any(f => new FileInfo(f).Length > 0));

        Assert.True(run.Killed, run.ToString());
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.True(run.Stderr.Contains($"Connection to {Host(1)} was lost while sending {source}", StringComparison.Ordinal), run.ToString());
        Assert.Equal("old\n", await File.ReadAllTextAsync(target));
        // The staged copy goes with its folder: removed over a new connection once the server answers again.
        var staged = Stopwatch.StartNew();
        while (Directory.GetDirectories(_remote).Length > 0 && staged.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(50);
        }

        Assert.Equal([target], Directory.GetFileSystemEntries(_remote));
    }

    /// <summary>The upload's staged copies: each in a folder of its own beside the target.</summary>
    private IEnumerable<string> Staged() =>
        Directory.GetDirectories(_remote, ".fabric-put-*").SelectMany(d => Directory.GetFiles(d));

    [Fact]
    public async Task The_server_killed_in_the_middle_of_a_download_fails_the_run_naming_the_host_and_leaves_no_temporary_file()
    {
        var source = Sparse(Path.Combine(_remote, "big.bin"));
        var target = Path.Combine(_local, "back.bin");
        await File.WriteAllTextAsync(target, "old\n");

        var run = await RunKillingSshdOnceAsync(
            ["-H", Host(2), $"download:remote={source},local={target}"],
            () => Directory.GetFiles(_local, "back.bin.fabric-*.tmp").Any(f => new FileInfo(f).Length > 0));

        Assert.True(run.Killed, run.ToString());
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.True(run.Stderr.Contains($"Connection to {Host(2)} was lost while receiving {source}", StringComparison.Ordinal), run.ToString());
        Assert.Equal("old\n", await File.ReadAllTextAsync(target));
        Assert.Equal([target], Directory.GetFiles(_local));
    }

    /// <summary>A file big enough that the transfer is still going when the test sees it start (sparse: no disk needed).</summary>
    private static string Sparse(string path)
    {
        using var file = File.Create(path);
        file.SetLength(Big);
        return path;
    }

    /// <summary>
    /// Runs <c>dotnet fab</c>, and once <paramref name="started"/> holds kills the test sshd's per-connection processes
    /// (the listener lives on for the other tests); waits at most 60 s for the tool to end.
    /// </summary>
    private async Task<Outcome> RunKillingSshdOnceAsync(string[] args, Func<bool> started)
    {
        var clock = Stopwatch.StartNew();
        using var fab = FabProcess.Start(["-f", Repository.Path("tests", "fabfiles", "remote"), "-i", sshd.ClientKey, "--known-hosts", _knownHosts, "-u", SshdFixture.OpsUser, .. args]);
        var killed = false;
        while (!fab.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (started())
            {
                SshdFixture.Exec("pkill", "-P", File.ReadAllText(sshd.Path("sshd.pid")).Trim());
                killed = true;
                break;
            }

            await Task.Delay(10);
        }

        var result = await fab.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return new Outcome(result.ExitCode, result.Stdout, result.Stderr, killed, clock.Elapsed);
    }

    private sealed record Outcome(int ExitCode, string Stdout, string Stderr, bool Killed, TimeSpan Elapsed)
    {
        public override string ToString() => $"exit {ExitCode}, killed {Killed}, {Elapsed.TotalSeconds:0.0} s\n{Stdout}\n{Stderr}";
    }
}
