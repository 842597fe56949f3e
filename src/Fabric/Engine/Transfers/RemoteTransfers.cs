using System.Diagnostics;
using System.Globalization;
using Fabric.Engine.Execution;
using Fabric.Engine.Output;
using Fabric.Engine.Remote;
using Fabric.Engine.Ssh;
using Fabric.Engine.Transport;

namespace Fabric.Engine.Transfers;

/// <summary>
/// <c>Put</c> and <c>Get</c>. An upload streams through <c>cat</c> on the host's cached connection (sshd's window paces it,
/// and no second connection is needed). A download goes over SFTP (<see cref="IRemoteFiles"/>, opened on the first download
/// and reused), whose bounded read-ahead keeps memory flat however slowly the local
/// disk writes: a command's output has no flow control in SSH.NET (it buffers whatever the server sends). <c>sudo</c>
/// downloads and servers without SFTP use <c>cat</c>. Every file lands under a temporary name first, is checked for its full
/// size (and SHA-256), then renamed over the target, so an interrupted transfer never leaves a half-written file in its place.
/// </summary>
internal static class RemoteTransfers
{
    private const string SystemShell = "/bin/sh -c";

    /// <summary>What an upload's remote end says on stderr when it cannot write the file: the rest is not sent.</summary>
    private const string StdinRefused = "[fabric-put-refused]";

    /// <summary>Files this large get a progress meter; smaller ones are done before a bar could say anything.</summary>
    private const long MeteredSize = 1024 * 1024;

    public static async Task<TransferResult> PutAsync(string localPath, string? remotePath, bool useSudo, string? mode, bool verify, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(localPath);
        if (mode is not null && !IsOctalMode(mode))
        {
            throw new ArgumentException($"'{mode}' is not an octal file mode such as 0644.", nameof(mode));
        }

        var context = Ambient.Context;
        var scope = Ambient.Scope;
        var target = RemoteShell.CurrentTarget("put", localPath);
        var localBase = scope.LocalDirectory ?? Directory.GetCurrentDirectory();
        var sources = LocalGlob.Expand(localPath, localBase);
        if (sources.Count == 0)
        {
            return Fail(context, scope, "put", target, [], $"put: no local file matches '{localPath}'.");
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, context.Cancellation);
        var connection = await context.RemoteHosts.GetAsync(target, linked.Token).ConfigureAwait(false);
        var destination = string.IsNullOrEmpty(remotePath) ? scope.RemoteDirectory ?? "~" : RemotePaths.Join(scope.RemoteDirectory, remotePath);
        var intoFolder = string.IsNullOrEmpty(remotePath) || remotePath.EndsWith('/') || LocalGlob.IsMany(localPath, localBase)
            || (await ExecAsync(context, connection, $"test -d {ShellQuoting.QuotePath(destination)}", null, linked.Token).ConfigureAwait(false)).ExitCode == 0;

        return await EachAsync(context, scope, target, "put", "to", sources, source =>
        {
            var (file, relative) = source;
            var remote = intoFolder ? destination.TrimEnd('/') + "/" + relative : destination;
            var size = new FileInfo(file).Length;
            return (new TransferredFile(file, remote, size), $"{file} -> {remote}", remote,
                progress => UploadAsync(context, connection, file, size, remote, useSudo, mode, verify, progress, linked.Token));
        }).ConfigureAwait(false);
    }

    public static async Task<TransferResult> GetAsync(string remotePath, string? localPath, bool useSudo, bool verify, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(remotePath);
        var context = Ambient.Context;
        var scope = Ambient.Scope;
        var target = RemoteShell.CurrentTarget("get", remotePath);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, context.Cancellation);
        var connection = await context.RemoteHosts.GetAsync(target, linked.Token).ConfigureAwait(false);

        var pattern = RemotePaths.Join(scope.RemoteDirectory, remotePath);
        var sftp = !useSudo && SftpPaths.For(pattern) is not null ? SftpOf(context, connection, linked.Token) : NoSftp;
        var list = $"for f in {ShellQuoting.QuoteGlob(pattern)}; do [ -e \"$f\" ] && find -L \"$f\" -type f -printf '%s\\t%H\\t%p\\0'; done; true";
        var listing = await ExecAsync(context, connection, list, useSudo ? connection : null, linked.Token).ConfigureAwait(false);
        var found = listing.Stdout.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split('\t', 3))
            .Where(parts => parts.Length == 3)
            .Select(parts => (Size: long.Parse(parts[0], CultureInfo.InvariantCulture), Start: parts[1], Path: parts[2]))
            .ToList();
        if (found.Count == 0)
        {
            return Fail(context, scope, "get", target, [], $"get: no remote file on {target.Display} matches '{remotePath}'.");
        }

        var localBase = scope.LocalDirectory ?? Directory.GetCurrentDirectory();
        var template = string.IsNullOrEmpty(localPath) ? "{host}/{path}" : localPath;
        return await EachAsync(context, scope, target, "get", "from", found, remote =>
        {
            var (size, start, path) = remote;
            var local = LocalTarget(template, localBase, target, start, path, found.Count);
            return (new TransferredFile(local, path, size), $"{path} -> {local}", path,
                progress => DownloadAsync(context, connection, sftp, path, size, local, useSudo, verify, progress, linked.Token));
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// Transfers each item in turn: announces it (<c>[host] put: a -> b</c>), runs its transfer, and returns every file that
    /// made it, or the failure (abort, or under warn-only a warning and a failed result) naming each that did not.
    /// A file of <see cref="MeteredSize"/> or more gets a progress meter while its <c>running</c> line is shown.
    /// </summary>
    private static async Task<TransferResult> EachAsync<T>(
        RunContext context, ScopeSettings scope, ConnectionTarget target, string kind, string preposition, IEnumerable<T> items,
        Func<T, (TransferredFile File, string Shown, string Named, Func<Action<long>?, Task<string?>> Transfer)> plan)
    {
        var done = new List<TransferredFile>();
        var failures = new List<string>();
        foreach (var item in items)
        {
            var (file, shown, named, transfer) = plan(item);
            OutputGroups.Write(context, scope, new OutputEvent(OutputKind.Command, target.Display, $"{kind}: {shown}"));
            using var meter = file.Bytes >= MeteredSize && context.TransferProgress is { } progress
                && OutputGroups.IsShown(OutputKind.Command, scope, context.OutputGroups)
                    ? progress.Begin(target.Display, file.RemotePath, file.Bytes)
                    : null;
            var error = await transfer(meter is null ? null : meter.Report).ConfigureAwait(false);
            if (error is null)
            {
                done.Add(file);
            }
            else
            {
                failures.Add($"{named}: {error}");
            }
        }

        return failures.Count == 0
            ? new TransferResult { Kind = kind, Host = target.Display, Files = done }
            : Fail(context, scope, kind, target, done, $"{kind} of {string.Join(", ", failures)} {preposition} {target.Display} failed.", failures);
    }

    /// <summary>
    /// Where a downloaded file goes: the template with <c>{host}</c>, <c>{port}</c>, <c>{path}</c>, <c>{dirname}</c>,
    /// <c>{basename}</c> filled in; a plain path that is a folder (or ends in <c>/</c>) gets the file's name (and, for a
    /// folder download, its relative path) under it.
    /// </summary>
    internal static string LocalTarget(string template, string localBase, ConnectionTarget target, string start, string path, int count)
    {
        var relativePath = path.TrimStart('/');
        if (template.Contains('{', StringComparison.Ordinal))
        {
            var filled = template
                .Replace("{host}", target.Host, StringComparison.Ordinal)
                .Replace("{port}", target.Port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{path}", relativePath, StringComparison.Ordinal)
                .Replace("{dirname}", RemotePaths.DirectoryOf(relativePath), StringComparison.Ordinal)
                .Replace("{basename}", RemotePaths.FileName(path), StringComparison.Ordinal);
            return System.IO.Path.GetFullPath(filled, localBase);
        }

        var full = System.IO.Path.GetFullPath(template, localBase);
        if (template.EndsWith('/') || Directory.Exists(full) || count > 1)
        {
            var name = path == start
                ? RemotePaths.FileName(path)
                : RemotePaths.FileName(start) + "/" + path[(start.TrimEnd('/').Length + 1)..];
            return System.IO.Path.Combine(full, name);
        }

        return full;
    }

    /// <summary>
    /// Sends <paramref name="file"/> through <c>cat</c> to a staged name next to <paramref name="remote"/> (in <c>/tmp</c>
    /// under sudo), hashing it as it is read; checks the staged copy's size and (with <paramref name="verify"/>) its SHA-256
    /// on the server, then renames it over the target. Any failure removes the staged copy and leaves the target as it was.
    /// Returns null, or why.
    /// </summary>
    private static async Task<string?> UploadAsync(
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
        var (write, refuse) = size == 0 ? ($": > {s}", "") : ($"cat > {s}", $"printf %s '{StdinRefused}' >&2; cat > /dev/null; ");
        var send = $"trap '' PIPE; {{ {mkdir}{write} && {received}; }} || {{ {refuse}rm -f {s} 2>/dev/null; exit 1; }}";
        var sent = await ExecAsync(context, connection, send, null, cancellationToken, size == 0 ? null : input, activity: $"sending {file}").ConfigureAwait(false);
        if (sent.ExitCode != 0)
        {
            return Why(sent);
        }

        var moved = clock.Elapsed;
        var check = verify ? RemoteDigest.Check(s, input.Sha256()) + " && " : "";
        RemoteExit exit;
        if (useSudo)
        {
            var inner = $"{remote.TrimEnd('/')}.fabric-{suffix}.tmp";
            var i = ShellQuoting.QuotePath(inner);
            var place = $"{check}mkdir -p {ShellQuoting.QuotePath(folder)} && cp {s} {i} && {Place(i, remote, mode)} || {{ rm -f {i}; false; }}; rc=$?; rm -f {s}; exit $rc";
            exit = await ExecAsync(context, connection, place, connection, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            exit = await ExecAsync(context, connection, $"{check}{Place(s, remote, mode)} || {{ rm -f {s}; exit 1; }}", null, cancellationToken).ConfigureAwait(false);
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

        return (verify ? RemoteDigest.Mismatch(input.Sha256(), RemoteDigest.MismatchIn(exit.Stderr)) : null) ?? Why(exit);
    }

    /// <summary>The last line a failed internal command wrote on stderr, else its exit code.</summary>
    private static string Why(RemoteExit exit) =>
        string.IsNullOrEmpty(exit.Stderr) ? $"exit code {exit.ExitCode}" : exit.Stderr.TrimEnd('\n').Split('\n')[^1];

    private static readonly Task<IRemoteFiles?> NoSftp = Task.FromResult<IRemoteFiles?>(null);

    /// <summary>
    /// The host's SFTP session for downloads (opened on the first <c>Get</c> and reused), or null when the server offers no
    /// SFTP: downloads then stream through <c>cat</c> on an exec channel. A <c>Get</c> starts it before its listing, so that
    /// the two waits overlap: a new session costs the server its login (PAM) work, ~50 ms on the test hosts.
    /// </summary>
    private static async Task<IRemoteFiles?> SftpOf(RunContext context, IRemoteHost connection, CancellationToken cancellationToken)
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

    /// <summary>Sets the staged file's mode (the given one, else the replaced file's), then renames it over the target.</summary>
    private static string Place(string quotedStaged, string remote, string? mode)
    {
        var r = ShellQuoting.QuotePath(remote);
        var chmod = mode is null
            ? $"{{ [ ! -e {r} ] || chmod --reference={r} {quotedStaged}; }}"
            : $"chmod {mode} {quotedStaged}";
        return $"{chmod} && mv -f {quotedStaged} {r}";
    }

    /// <summary>
    /// Receives <paramref name="path"/> into a temporary local name next to <paramref name="local"/>, hashing it as it is
    /// written; checks its size and (with <paramref name="verify"/>) its SHA-256 against the server's, then renames it over
    /// the target. Any failure, a lost connection too, removes the temporary file. Returns null, or why it failed.
    /// </summary>
    private static async Task<string?> DownloadAsync(
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
                    : await ExecAsync(context, connection, $"cat -- {ShellQuoting.Quote(path)}", useSudo ? connection : null, cancellationToken, stdout: output, activity: $"receiving {path}").ConfigureAwait(false);
                received = verify ? output.Sha256() : "";
            }

            var moved = clock.Elapsed;
            var length = new FileInfo(staged).Length;
            var error = exit.ExitCode != 0 ? Why(exit)
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
        var hashed = await ExecAsync(context, connection, RemoteDigest.Print(ShellQuoting.Quote(path)), useSudo ? connection : null, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Runs an internal command (listing, upload, rename) quietly; with <paramref name="sudo"/> it runs under that host's sudo.</summary>
    private static Task<RemoteExit> ExecAsync(RunContext context, IRemoteHost connection, string command, IRemoteHost? sudo, CancellationToken cancellationToken, Stream? stdin = null, Stream? stdout = null, string? activity = null)
    {
        var marker = sudo?.Sudo.Marker;
        var sudoLine = sudo is null ? null : new SudoLine(sudo.Sudo.Marker, User: null, StartMarker: sudo.Sudo.StartMarker);
        var line = RemoteCommandLine.Build(command, ScopeSettings.None, SystemShell, sudoLine);
        return new RemoteProcess
        {
            Host = connection,
            Hosts = context.RemoteHosts,
            CommandLine = line,
            Description = command,
            Activity = activity,
            StdinRefusedMarker = stdin is null ? null : StdinRefused,
            Stdin = stdin,
            StdoutSink = stdout,
            SudoMarker = marker,
            StartMarker = sudoLine?.StartMarker,
            SudoPassword = sudo is null ? null : attempt => RemoteShell.SudoPassword(context, connection, attempt),
            Timeout = stdin is null && stdout is null ? context.Ssh.CommandTimeout : null,
        }.RunAsync(cancellationToken);
    }

    private static TransferResult Fail(RunContext context, ScopeSettings scope, string kind, ConnectionTarget target, List<TransferredFile> done, string message, List<string>? failures = null)
    {
        if (!(scope.WarnOnly ?? context.Env.WarnOnly))
        {
            throw new AbortException(message);
        }

        OutputGroups.Write(context, scope, new OutputEvent(OutputKind.Warning, target.Display, message));
        return new TransferResult { Kind = kind, Host = target.Display, Files = done, Failures = failures ?? [message] };
    }

    private static bool IsOctalMode(string mode) => mode.Length is >= 3 and <= 4 && mode.All(c => c is >= '0' and <= '7');
}
