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
    internal const string StdinRefused = "[fabric-put-refused]";

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
                progress => RemoteUpload.UploadAsync(context, connection, file, size, remote, useSudo, mode, verify, progress, linked.Token));
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
        var sftp = !useSudo && SftpPaths.For(pattern) is not null ? RemoteDownload.SftpOf(context, connection, linked.Token) : RemoteDownload.NoSftp;
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
                progress => RemoteDownload.DownloadAsync(context, connection, sftp, path, size, local, useSudo, verify, progress, linked.Token));
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

    /// <summary>The last line a failed internal command wrote on stderr, else its exit code.</summary>
    internal static string Why(RemoteExit exit) =>
        string.IsNullOrEmpty(exit.Stderr) ? $"exit code {exit.ExitCode}" : exit.Stderr.TrimEnd('\n').Split('\n')[^1];

    /// <summary>Runs an internal command (listing, upload, rename) quietly; with <paramref name="sudo"/> it runs under that host's sudo.</summary>
    internal static Task<RemoteExit> ExecAsync(RunContext context, IRemoteHost connection, string command, IRemoteHost? sudo, CancellationToken cancellationToken, Stream? stdin = null, Stream? stdout = null, string? activity = null)
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
