using System.Diagnostics;
using System.Globalization;
using Fabric.EndToEnd.Tests.Infrastructure;
using Fabric.EndToEnd.Tests.Ssh;

namespace Fabric.EndToEnd.Tests.Hosts;

/// <summary>
/// A Put that fails or is cut short leaves no trace of the file outside its target (<see cref="ServerTraces"/>: nothing
/// left in <c>/tmp</c>, the account's home or the target's folder, and no copy others could read at any look while it
/// ran), and the target as it was: a failed <c>useSudo</c> Put, a Put whose connection drops (the server's processes for
/// it killed) and a Put interrupted by Ctrl-C. On a server with SFTP and on servers without (where uploads go through a
/// shell: bash, and BusyBox's ash).
/// </summary>
[Collection(RealHostsGroup.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class TransferLeftoverTests(RealHosts hosts) : IDisposable
{
    private const string WrongPassword = "wrong password";
    private const string TargetNotAFolder = "target's folder is a file";

    /// <summary>
    /// Big enough that the upload is still going when a look sees it has started, on a quiet machine too (64 MB through
    /// BusyBox's cat once ended between the look and the Ctrl-C); sparse, so no disk on this side, and cut after 1 MB there.
    /// </summary>
    private const long Big = 512L * 1024 * 1024;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>How long a server may take to clean up after its client has gone (a shell that sees its input end).</summary>
    private static readonly TimeSpan CleanUp = TimeSpan.FromSeconds(10);

    private readonly string _local = Directory.CreateTempSubdirectory("fabric-xfer-leftover-").FullName;
    private readonly string _stem = "secret-" + Guid.NewGuid().ToString("N")[..10];

    public void Dispose() => Directory.Delete(_local, recursive: true);

    [Theory]
    [InlineData("Dropbear with an SFTP server", WrongPassword)]
    [InlineData("Dropbear with an SFTP server", TargetNotAFolder)]
    [InlineData("Dropbear without an SFTP server", WrongPassword)]
    [InlineData("Dropbear without an SFTP server", TargetNotAFolder)]
    public async Task A_failed_sudo_Put_fails_in_one_line_and_leaves_no_copy_outside_its_target_nor_one_others_could_read(string target, string failure)
    {
        var row = TransferMatrix.Find(target);
        var host = row.Host(hosts);
        using var server = new AccountFolder(host.User);
        var remote = failure == WrongPassword
            ? Path.Combine(server.RootFolder("root-only"), _stem + ".bin")
            : Path.Combine(server.Write("not-a-folder", [], AccountFolder.Octal("644")), _stem + ".bin");
        var local = Path.Combine(_local, _stem + ".bin");
        await File.WriteAllBytesAsync(local, AccountFolder.RandomBytes(300 * 1024));
        var traces = new ServerTraces(host.User, _stem, remote);
        var asUser = failure == WrongPassword ? host with { Password = "not-the-password-" + _stem } : host;
        var run = new HostRun(asUser, () => row.Log(hosts));

        var running = run.RunAsync($"{target}, sudo Put, {failure}", Timeout, $"upload-sudo:local={local},remote={remote}");
        while (!running.IsCompleted)
        {
            traces.Look();
            await Task.Delay(5);
        }

        var result = await running;
        var left = await traces.LeftAfterAsync(CleanUp);

        var problems = new List<string>();
        var reason = failure == WrongPassword
            ? new Cause("that sudo refused the password", "password", "sudo")
            : new Cause("that the target's folder is a file (the server's reason)", "not a directory", "not a folder", "file exists", "is a file");
        ToolOutput.AddFailureProblems(problems, result, host, _stem + ".bin", reason);
        AddTraceProblems(problems, traces, left);
        if (File.Exists(remote) || Directory.Exists(remote))
        {
            problems.Add($"{remote} exists");
        }

        Report(problems, target, $"sudo Put, {failure}", $"to fail in one 'Fatal error:' line naming the host, {_stem}.bin and {reason}, with nothing of the file left in /tmp, the home or the target's folder and no copy readable by others", result, host, run);
    }

    [Theory]
    [InlineData("Dropbear with an SFTP server")]
    [InlineData("Dropbear without an SFTP server")]
    [InlineData("OpenSSH, BusyBox userland, no SFTP")]
    public Task A_Put_cut_by_a_dropped_connection_leaves_the_target_as_it_was_and_no_copy_outside_it(string target) =>
        CutShortAsync(target, "connection dropped", 1, () => SshdFixture.Exec("pkill", "-P", ListenerPid(target).ToString(CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("Dropbear with an SFTP server")]
    [InlineData("Dropbear without an SFTP server")]
    [InlineData("OpenSSH, BusyBox userland, no SFTP")]
    public Task A_Put_interrupted_by_Ctrl_C_leaves_the_target_as_it_was_and_no_copy_outside_it(string target) =>
        CutShortAsync(target, "Ctrl-C", 130, null);

    /// <summary>
    /// Puts a big file over a secret (mode 0600) and, once a look sees 1 MB of it on the server, cuts the upload short:
    /// with <paramref name="cut"/>, or Ctrl-C (SIGINT to the tool) when null.
    /// </summary>
    private async Task CutShortAsync(string target, string how, int exitCode, Func<string>? cut)
    {
        var row = TransferMatrix.Find(target);
        var host = row.Host(hosts);
        using var server = new AccountFolder(host.User);
        var old = "old secret\n"u8.ToArray();
        var remote = server.Write(_stem + ".bin", old, AccountFolder.Octal("600"));
        var local = Path.Combine(_local, _stem + ".bin");
        using (var file = File.Create(local))
        {
            file.SetLength(Big);
        }

        var traces = new ServerTraces(host.User, _stem, remote);
        var run = new HostRun(host, () => row.Log(hosts));
        using var fab = FabProcess.Start(HostRun.Arguments(host, $"upload:local={local},remote={remote}"));
        var cutAt = await WatchAndCutAsync(fab, traces, cut is null ? fab.InterruptAsync : () => Task.FromResult(cut()));
        FabResult result;
        try
        {
            result = await fab.WaitForExitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{target}, Put cut short by {how}: the tool had not ended {Timeout.TotalSeconds:0} s after it started (a hang); cut at {cutAt.TotalSeconds:0.0} s.\n{ToolOutput.Mask(fab.Stdout, host)}\n--- server log\n{run.ServerLog()}");
            return;
        }

        var left = await traces.LeftAfterAsync(CleanUp);
        var problems = new List<string>();
        if (cutAt == TimeSpan.Zero)
        {
            problems.Add($"the upload was never seen 1 MB along on the server (largest trace {traces.Largest} bytes), so it could not be cut: it ended first, or wrote nowhere watched");
        }

        ToolOutput.AddInsides(problems, result);
        if (result.ExitCode != exitCode)
        {
            problems.Add($"exit code {result.ExitCode}, not {exitCode}");
        }

        AddTraceProblems(problems, traces, left);
        if (AccountFolder.Sha256(remote) != Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(old)) || File.GetUnixFileMode(remote) != AccountFolder.Octal("600"))
        {
            problems.Add($"the target is no longer the old secret with mode 600 ({new FileInfo(remote).Length} bytes, mode {Convert.ToString((int)File.GetUnixFileMode(remote), 8)})");
        }

        Report(problems, target, $"Put cut short by {how} at {cutAt.TotalSeconds:0.0} s", $"exit {exitCode}, the target still the old secret (0600), nothing of the file left in /tmp, the home or the target's folder, and no copy readable by others at any look", result, host, run);
    }

    /// <summary>
    /// Looks at the server until the tool ends (or <see cref="Timeout"/>), and cuts the upload once a look sees 1 MB of
    /// it there; returns when it cut (zero: never).
    /// </summary>
    private static async Task<TimeSpan> WatchAndCutAsync(FabProcess fab, ServerTraces traces, Func<Task> cut)
    {
        var clock = Stopwatch.StartNew();
        var cutAt = TimeSpan.Zero;
        while (!fab.HasExited && clock.Elapsed < Timeout)
        {
            traces.Look();
            if (cutAt == TimeSpan.Zero && traces.Largest >= 1024 * 1024)
            {
                cutAt = clock.Elapsed;
                await cut();
            }

            await Task.Delay(5);
        }

        return cutAt;
    }

    private static void AddTraceProblems(List<string> problems, ServerTraces traces, IReadOnlyList<string> left)
    {
        if (left.Count > 0)
        {
            problems.Add($"left on the server {CleanUp.TotalSeconds:0} s after the tool ended: {string.Join(", ", left)}");
        }

        if (traces.Exposed.Count > 0)
        {
            problems.Add($"readable by others while it ran: {string.Join(", ", traces.Exposed)}");
        }

        ServerTraces.Remove(left);
    }

    private int ListenerPid(string target) => target switch
    {
        "Dropbear with an SFTP server" => hosts.Dropbear.Pid,
        "Dropbear without an SFTP server" => hosts.DropbearNoSftp.Pid,
        "OpenSSH, BusyBox userland, no SFTP" => hosts.BusyBox.Pid,
        _ => throw new ArgumentOutOfRangeException(nameof(target)),
    };

    private static void Report(List<string> problems, string target, string what, string expected, FabResult result, RealHost host, HostRun run)
    {
        if (problems.Count > 0)
        {
            Assert.Fail(ToolOutput.Report($"{target}, {what}", expected, problems, result, host, run.ServerLog()));
        }
    }
}
