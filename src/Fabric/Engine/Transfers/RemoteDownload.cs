using System.Diagnostics;
using System.Globalization;
using Fabric.Engine.Execution;
using Fabric.Engine.Remote;
using Fabric.Engine.Ssh;
using Fabric.Engine.Transport;

namespace Fabric.Engine.Transfers;

/// <summary><c>Get</c>'s one file: received over SFTP (or <c>cat</c>) into a temporary local name, checked, renamed into place.</summary>
internal static class RemoteDownload
{
    public static readonly Task<IRemoteFiles?> NoSftp = Task.FromResult<IRemoteFiles?>(null);

    /// <summary>
    /// The host's SFTP session for downloads (opened on the first <c>Get</c> and reused), or null when the server offers no
    /// SFTP: downloads then stream through <c>cat</c> on an exec channel. A <c>Get</c> starts it before its listing, so that
    /// the two waits overlap: a new session costs the server its login (PAM) work, ~50 ms on the test hosts.
    /// </summary>
    public static async Task<IRemoteFiles?> SftpOf(RunContext context, IRemoteHost connection, CancellationToken cancellationToken)
    {
        try
        {
            return await connection.FilesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectionLostException e)
        {
            context.Connections.Debug(connection.Target, $"no SFTP ({e.Message}); downloads go through cat on an exec channel");
            return null;
        }
    }

    /// <summary>
    /// Receives <paramref name="path"/> into a temporary local name next to <paramref name="local"/>, hashing it as it is
    /// written; checks its size and (with <paramref name="verify"/>) its SHA-256 against the server's, then renames it over
    /// the target. Any failure, a lost connection too, removes the temporary file. Returns null, or why it failed.
    /// </summary>
    public static async Task<string?> DownloadAsync(
        RunContext context, IRemoteHost connection, Task<IRemoteFiles?> sftpSession, string path, long size, string local, bool useSudo, bool verify, Action<long>? progress, CancellationToken cancellationToken)
    {
        var folder = System.IO.Path.GetDirectoryName(local);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var clock = Stopwatch.StartNew();
        var staged = $"{local}.fabric-{Guid.NewGuid().ToString("N")[..10]}.tmp";
        var sftp = useSudo || SftpPaths.For(path) is null ? null : await sftpSession.ConfigureAwait(false);
        try
        {
            RemoteExit exit;
            string received;
            await using (var output = new TransferStream(new FileStream(staged, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1024 * 1024, useAsync: sftp is not null), progress, hash: verify))
            {
                exit = sftp is not null
                    ? await SftpDownloadAsync(connection, sftp, SftpPaths.For(path)!, output, cancellationToken).ConfigureAwait(false)
                    : await RemoteTransfers.ExecAsync(context, connection, $"cat -- {ShellQuoting.Quote(path)}", useSudo ? connection : null, cancellationToken, stdout: output, activity: $"receiving {path}").ConfigureAwait(false);
                received = verify ? output.Sha256() : "";
            }

            var moved = clock.Elapsed;
            var length = new FileInfo(staged).Length;
            var error = exit.ExitCode != 0 ? RemoteTransfers.Why(exit)
                : length != size ? $"received {length} of {size} bytes"
                : verify ? await HashMismatchAsync(context, connection, path, received, useSudo, cancellationToken).ConfigureAwait(false)
                : null;
            if (error is not null)
            {
                File.Delete(staged);
                return error;
            }

            File.Move(staged, local, overwrite: true);
            context.Connections.Debug(connection.Target, TransferTiming.Describe("get", path, size, moved, clock.Elapsed - moved, verify));
            return null;
        }
        catch
        {
            File.Delete(staged);
            throw;
        }
    }

    /// <summary>Why the server's SHA-256 of <paramref name="path"/> proves the received copy wrong, or null.</summary>
    private static async Task<string?> HashMismatchAsync(RunContext context, IRemoteHost connection, string path, string received, bool useSudo, CancellationToken cancellationToken)
    {
        var hashed = await RemoteTransfers.ExecAsync(context, connection, RemoteDigest.Print(ShellQuoting.Quote(path)), useSudo ? connection : null, cancellationToken).ConfigureAwait(false);
        var remote = hashed.Stdout.Trim();
        if (hashed.ExitCode != 0 || remote.Length == 0)
        {
            context.Connections.Debug(connection.Target, $"could not hash {path} on the server: it was checked for its size only");
            return null;
        }

        return RemoteDigest.Mismatch(remote, received);
    }

    private static async Task<RemoteExit> SftpDownloadAsync(IRemoteHost connection, IRemoteFiles sftp, string path, Stream output, CancellationToken cancellationToken)
    {
        try
        {
            await sftp.DownloadAsync(path, output, cancellationToken).ConfigureAwait(false);
            return new RemoteExit(0);
        }
        catch (RemoteFileException e)
        {
            return RemoteExit.WithError(1, e.Message);
        }
        catch (ConnectionLostException e)
        {
            throw new AbortException($"Connection to {connection.Target.Display} was lost while receiving {path}: {e.Message}", e);
        }
    }
}
