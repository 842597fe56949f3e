using System.Diagnostics;
using Fabric.Engine.Execution;
using Fabric.Engine.Transport;

namespace Fabric.Engine.Transfers;

/// <summary>
/// <c>Put</c>'s one file: written under a temporary name next to the target (into a private folder in <c>/tmp</c> under
/// <c>useSudo</c>), checked for its size and SHA-256, given its mode, renamed over the target. The temporary copy is
/// removed on every other path: refusal, mismatch, lost connection, cancellation.
/// </summary>
internal static class RemoteUpload
{
    /// <summary>Copies <paramref name="file"/> to <paramref name="remote"/>; returns null, or why it failed (the server's words).</summary>
    public static Task<string?> UploadAsync(
        RunContext context, TransferHost host, string file, long size, string remote, int? mode, bool verify, Action<long>? progress, CancellationToken cancellationToken) =>
        UploadAsync(context, host, new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1024 * 1024, useAsync: true), size, remote, mode, verify, progress, cancellationToken);

    /// <summary>
    /// Copies what <paramref name="source"/> holds (<paramref name="size"/> bytes; made in memory by <c>UploadTemplate</c>, so
    /// that a rendered file never lies in a local temporary file) to <paramref name="remote"/>, and disposes of it.
    /// </summary>
    public static async Task<string?> UploadAsync(
        RunContext context, TransferHost host, Stream source, long size, string remote, int? mode, bool verify, Action<long>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var suffix = Guid.NewGuid().ToString("N")[..10];
        await using var input = new TransferStream(source, progress, hash: verify);
        var target = host.RootFiles ?? host.Files;
        var existing = await target.StatAsync(remote, cancellationToken).ConfigureAwait(false);
        if (existing?.Type == RemoteFileType.Directory)
        {
            return "it is a folder";
        }

        if (host.RootFiles is null)
        {
            var folder = Ssh.RemotePaths.DirectoryOf(remote);
            await MakeDirectoriesAsync(host.Files, folder, cancellationToken).ConfigureAwait(false);
            // The copy is written inside a folder only the login user can enter, beside the target (a rename across
            // folders of one filesystem is still atomic): no one else can read it while it is incomplete or unchecked,
            // and it gets the server's default mode for a new file, as an in-place upload would.
            var stage = RemoteGlob.Join(folder, $".fabric-put-{suffix}");
            var staged = RemoteGlob.Join(stage, Ssh.RemotePaths.FileName(remote));
            return await StagedAsync(context, host, [(staged, false), (stage, true)], alwaysClean: true, async (files, ct) =>
            {
                await files.MakeDirectoryAsync(stage, 0x1C0, ct).ConfigureAwait(false);
                await files.SetModeAsync(stage, 0x1C0, ct).ConfigureAwait(false); // 0700 whatever the umask left.
                var error = await SendAsync(host, input, staged, size, null, verify, ct).ConfigureAwait(false);
                if (error is not null)
                {
                    return error;
                }

                var moved = clock.Elapsed;
                if ((mode ?? existing?.Mode) is { } bits)
                {
                    await files.SetModeAsync(staged, bits, ct).ConfigureAwait(false);
                }

                await files.RenameAsync(staged, remote, ct).ConfigureAwait(false);
                context.RemoteHosts.Debug(host.Host.Target, TransferTiming.Describe("put", remote, size, moved, clock.Elapsed - moved, verify));
                return null;
            }, cancellationToken).ConfigureAwait(false);
        }

        return await SudoUploadAsync(context, host, input, size, remote, mode ?? existing?.Mode, verify, suffix, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Under sudo: the file goes into a folder of its own in <c>/tmp</c> (0700, the file 0600, both the login user's), is
    /// checked there, and root copies it next to the target and renames it into place; the folder goes on every path.
    /// </summary>
    private static async Task<string?> SudoUploadAsync(
        RunContext context, TransferHost host, TransferStream input, long size, string remote, int? mode, bool verify, string suffix, CancellationToken cancellationToken)
    {
        var stage = $"/tmp/fabric-put-{suffix}";
        var staged = stage + "/file";
        await host.Files.MakeDirectoryAsync(stage, 0x1C0, cancellationToken).ConfigureAwait(false);
        return await StagedAsync(context, host, [(staged, false), (stage, true)], alwaysClean: true, async (files, ct) =>
        {
            await files.SetModeAsync(stage, 0x1C0, ct).ConfigureAwait(false); // 0700 whatever the umask left.
            var error = await SendAsync(host, input, staged, size, 0x180, verify, ct).ConfigureAwait(false);
            if (error is not null)
            {
                return error;
            }

            var folder = ShellRunner.Quote(Ssh.RemotePaths.DirectoryOf(remote));
            var box = ShellRunner.Quote(RemoteGlob.Join(Ssh.RemotePaths.DirectoryOf(remote), $".fabric-put-{suffix}"));
            var inner = ShellRunner.Quote(RemoteGlob.Join(Ssh.RemotePaths.DirectoryOf(remote), $".fabric-put-{suffix}/{Ssh.RemotePaths.FileName(remote)}"));
            var chmod = mode is { } bits ? $" && chmod {ShellFiles.Octal(bits)} {inner}" : "";
            // Root's copy is made inside a folder of root's own (0700) beside the target, so no one else can read it before
            // it is renamed into place; cat (not cp) gives it root's default mode for a new file; set -C never writes
            // through a link planted there.
            var place = $"mkdir -p {folder} && {{ mkdir -m 700 {box} && (set -C && cat {ShellRunner.Quote(staged)} > {inner}){chmod} && mv -f {inner} {ShellRunner.Quote(remote)}; }}; "
                + $"s=$?; rm -f {inner} 2>/dev/null; rmdir {box} 2>/dev/null; [ $s -eq 0 ] || exit 1";
            var (exit, answer) = await host.RootShell!.QueryAsync(place, ct).ConfigureAwait(false);
            return exit.ExitCode == 0 && answer is not null ? null : ShellRunner.Why(exit, answer);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends the file to <paramref name="staged"/>, then checks its size there and (with <paramref name="verify"/>) its SHA-256.</summary>
    private static async Task<string?> SendAsync(TransferHost host, TransferStream input, string staged, long size, int? createMode, bool verify, CancellationToken cancellationToken)
    {
        await host.Files.UploadAsync(input, staged, createMode, cancellationToken).ConfigureAwait(false);
        var landed = await host.Files.StatAsync(staged, cancellationToken).ConfigureAwait(false);
        if (landed is null || landed.Size != size)
        {
            return $"the server received {landed?.Size ?? 0} of {size} bytes";
        }

        return verify ? RemoteDigest.Mismatch(input.Sha256(), await host.HashAsync(staged, asRoot: false, cancellationToken).ConfigureAwait(false)) : null;
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a staged copy; on any outcome but success (always, with <paramref name="alwaysClean"/>),
    /// removes <paramref name="cleanup"/> in order, over a new connection if this one was lost, and without the cancelled token.
    /// </summary>
    private static async Task<string?> StagedAsync(
        RunContext context, TransferHost host, (string Path, bool Folder)[] cleanup, bool alwaysClean, Func<IRemoteFiles, CancellationToken, Task<string?>> work, CancellationToken cancellationToken)
    {
        var placed = false;
        try
        {
            var error = await work(host.Files, cancellationToken).ConfigureAwait(false);
            placed = error is null;
            return error;
        }
        finally
        {
            if (!placed || alwaysClean)
            {
                await StagingCleanup.RemoveAsync(context, host, cleanup).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Creates <paramref name="folder"/> and its missing parents, as <c>mkdir -p</c>.</summary>
    internal static async Task MakeDirectoriesAsync(IRemoteFiles files, string folder, CancellationToken cancellationToken)
    {
        var missing = new Stack<string>();
        for (var f = folder; f is not ("/" or "." or ""); f = Ssh.RemotePaths.DirectoryOf(f))
        {
            var info = await files.StatAsync(f, cancellationToken).ConfigureAwait(false);
            if (info is not null)
            {
                if (info.Type != RemoteFileType.Directory)
                {
                    throw new RemoteFileException(RemoteFileError.Failure, $"{f} is not a folder");
                }

                break;
            }

            missing.Push(f);
        }

        while (missing.TryPop(out var f))
        {
            await files.MakeDirectoryAsync(f, null, cancellationToken).ConfigureAwait(false);
        }
    }
}
