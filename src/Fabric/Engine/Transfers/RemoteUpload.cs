using System.Diagnostics;
using System.Globalization;
using Fabric.Engine.Execution;
using Fabric.Engine.Remote;
using Fabric.Engine.Ssh;
using Fabric.Engine.Transport;

namespace Fabric.Engine.Transfers;

/// <summary><c>Put</c>'s one file: sent through <c>cat</c> on the host's connection to a staged name, checked, renamed into place.</summary>
internal static class RemoteUpload
{
    /// <summary>
    /// Sends <paramref name="file"/> through <c>cat</c> to a staged name next to <paramref name="remote"/> (in <c>/tmp</c>
    /// under sudo), hashing it as it is read; checks the staged copy's size and (with <paramref name="verify"/>) its SHA-256
    /// on the server, then renames it over the target. Any failure removes the staged copy and leaves the target as it was.
    /// Returns null, or why.
    /// </summary>
    public static async Task<string?> UploadAsync(
        RunContext context, IRemoteHost connection, string file, long size, string remote, bool useSudo, string? mode, bool verify, Action<long>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var folder = RemotePaths.DirectoryOf(remote);
        var name = RemotePaths.FileName(remote);
        var staged = useSudo ? $"/tmp/fabric-put-{suffix}" : $"{folder}/.{name}.fabric-{suffix}.tmp";
        var s = ShellQuoting.QuotePath(staged);
        await using var input = new TransferStream(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1024 * 1024), progress, hash: verify);
        var mkdir = useSudo ? "" : $"mkdir -p {ShellQuoting.QuotePath(folder)} && ";
        var bytes = size.ToString(CultureInfo.InvariantCulture);
        var received = $"{{ [ \"$(stat -c %s {s})\" = {bytes} ] || {{ echo \"the server received $(stat -c %s {s}) of {bytes} bytes\" >&2; false; }}; }}";
        // SIGPIPE ignored: when the connection dies mid-upload, writing to stderr must not kill the shell before it removes the
        // staged copy. An empty file is created without stdin: SSH.NET sends no EOF for a stdin that nothing was written to.
        var (write, refuse) = size == 0 ? ($": > {s}", "") : ($"cat > {s}", $"printf %s '{RemoteTransfers.StdinRefused}' >&2; cat > /dev/null; ");
        var send = $"trap '' PIPE; {{ {mkdir}{write} && {received}; }} || {{ {refuse}rm -f {s} 2>/dev/null; exit 1; }}";
        var sent = await RemoteTransfers.ExecAsync(context, connection, send, null, cancellationToken, size == 0 ? null : input, activity: $"sending {file}").ConfigureAwait(false);
        if (sent.ExitCode != 0)
        {
            return RemoteTransfers.Why(sent);
        }

        var moved = clock.Elapsed;
        var check = verify ? RemoteDigest.Check(s, input.Sha256()) + " && " : "";
        RemoteExit exit;
        if (useSudo)
        {
            var inner = $"{remote.TrimEnd('/')}.fabric-{suffix}.tmp";
            var i = ShellQuoting.QuotePath(inner);
            var place = $"{check}mkdir -p {ShellQuoting.QuotePath(folder)} && cp {s} {i} && {Place(i, remote, mode)} || {{ rm -f {i}; false; }}; rc=$?; rm -f {s}; exit $rc";
            exit = await RemoteTransfers.ExecAsync(context, connection, place, connection, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            exit = await RemoteTransfers.ExecAsync(context, connection, $"{check}{Place(s, remote, mode)} || {{ rm -f {s}; exit 1; }}", null, cancellationToken).ConfigureAwait(false);
        }

        if (RemoteDigest.UnavailableIn(exit.Stderr))
        {
            context.Connections.Debug(connection.Target, $"no openssl or sha256sum: {remote} was checked for its size only");
        }

        if (exit.ExitCode == 0)
        {
            context.Connections.Debug(connection.Target, TransferTiming.Describe("put", remote, size, moved, clock.Elapsed - moved, verify));
            return null;
        }

        return (verify ? RemoteDigest.Mismatch(input.Sha256(), RemoteDigest.MismatchIn(exit.Stderr)) : null) ?? RemoteTransfers.Why(exit);
    }


    /// <summary>Sets the staged file's mode (the given one, else the replaced file's), then renames it over the target.</summary>
    private static string Place(string quotedStaged, string remote, string? mode)
    {
        var r = ShellQuoting.QuotePath(remote);
        var chmod = mode is null
            ? $"{{ [ ! -e {r} ] || chmod --reference={r} {quotedStaged}; }}"
            : $"chmod {mode} {quotedStaged}";
        return $"{chmod} && mv -f {quotedStaged} {r}";
    }
}
