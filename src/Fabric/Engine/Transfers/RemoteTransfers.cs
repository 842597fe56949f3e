using System.Globalization;
using Fabric.Engine.Execution;
using Fabric.Engine.Output;
using Fabric.Engine.Remote;
using Fabric.Engine.Ssh;
using Fabric.Engine.Transport;

namespace Fabric.Engine.Transfers;

/// <summary>
/// <c>Put</c> and <c>Get</c>. Both go over SFTP on a channel of the host's cached connection where the server offers it
/// (listing, globbing, stat, permissions, temporary name and rename: no shell command), else through POSIX commands on exec
/// channels (<see cref="TransferHost"/>). Every file lands under a temporary name first, is checked for its full size (and
/// SHA-256, where the host has a tool for it), then renamed over the target, so an interrupted transfer never leaves a
/// half-written file in its place, and the temporary copy is removed on every other path.
/// </summary>
internal static class RemoteTransfers
{
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
        var bits = mode is null ? (int?)null : Convert.ToInt32(mode, 8);
        return await OnHostAsync(context, scope, connection, "put", "to", localPath, useSudo, async host =>
        {
            var destination = await host.ResolveAsync(string.IsNullOrEmpty(remotePath) ? scope.RemoteDirectory ?? "~" : RemotePaths.Join(scope.RemoteDirectory, remotePath), linked.Token).ConfigureAwait(false);
            var intoFolder = string.IsNullOrEmpty(remotePath) || remotePath.EndsWith('/') || LocalGlob.IsFolder(localPath, localBase)
                || await IsFolderAsync(host.RootFiles ?? host.Files, destination, linked.Token).ConfigureAwait(false);
            if (PutTarget.Refusal(localPath, sources.Count, intoFolder, remotePath ?? destination) is { } refusal)
            {
                return Fail(context, scope, "put", target, [], refusal);
            }

            return await EachAsync(context, scope, connection, "put", "to", sources, source =>
            {
                var (file, relative) = source;
                var remote = intoFolder ? RemoteGlob.Join(destination, relative) : destination;
                var size = new FileInfo(file).Length;
                return (new TransferredFile(file, remote, size), $"{file} -> {remote}", remote,
                    progress => RemoteUpload.UploadAsync(context, host, file, size, remote, bits, verify, progress, linked.Token));
            }).ConfigureAwait(false);
        }, linked.Token).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>Put</c> of a stream's content (Fabric's <c>put(StringIO(text), path)</c>): read into memory, then sent as
    /// <see cref="PutContentAsync"/> sends it; a <paramref name="remotePath"/> that is a folder is refused, there being no name.
    /// </summary>
    public static async Task<TransferResult> PutStreamAsync(Stream content, string remotePath, bool useSudo, string? mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(remotePath);
        if (mode is not null && !IsOctalMode(mode))
        {
            throw new ArgumentException($"'{mode}' is not an octal file mode such as 0644.", nameof(mode));
        }

        if (remotePath.EndsWith('/'))
        {
            throw new AbortException($"put of a stream to '{remotePath}': name the file to write, not a folder.");
        }

        using var bytes = new MemoryStream();
        await content.CopyToAsync(bytes, cancellationToken).ConfigureAwait(false);
        var shown = $"<stream of {bytes.Length} bytes>";
        return await PutContentAsync(bytes.ToArray(), shown, null, remotePath, useSudo, mode is null ? null : Convert.ToInt32(mode, 8), backup: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>Put</c> of bytes made here (a rendered template) rather than of a local file: they go from memory through the same
    /// staged, checked, renamed upload, so they never lie in a local file. A <paramref name="remotePath"/> that is a folder (or
    /// ends in <c>/</c>) gets <paramref name="name"/> inside it (null: refused); with <paramref name="backup"/>, a file already there is first
    /// copied to <c>its name.bak</c> (<see cref="RemoteBackup"/>). <paramref name="shown"/> names the bytes in output.
    /// </summary>
    public static async Task<TransferResult> PutContentAsync(
        byte[] content, string shown, string? name, string remotePath, bool useSudo, int? mode, bool backup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(remotePath);
        var context = Ambient.Context;
        var scope = Ambient.Scope;
        var target = RemoteShell.CurrentTarget("put", shown);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, context.Cancellation);
        var connection = await context.RemoteHosts.GetAsync(target, linked.Token).ConfigureAwait(false);
        return await OnHostAsync(context, scope, connection, "put", "to", shown, useSudo, async host =>
        {
            var files = host.RootFiles ?? host.Files;
            var destination = await host.ResolveAsync(RemotePaths.Join(scope.RemoteDirectory, remotePath), linked.Token).ConfigureAwait(false);
            if (remotePath.EndsWith('/') || await IsFolderAsync(files, destination, linked.Token).ConfigureAwait(false))
            {
                if (name is null)
                {
                    return Fail(context, scope, "put", target, [], $"put to {target.Display} failed: {destination} is a folder: name the file to write.");
                }

                destination = RemoteGlob.Join(destination, name);
            }

            if (backup && await RemoteBackup.CopyAsync(context, scope, host, destination, linked.Token).ConfigureAwait(false) is { } refused)
            {
                return Fail(context, scope, "put", target, [], $"put to {target.Display} failed: {shown}: {refused}.");
            }

            return await EachAsync(context, scope, connection, "put", "to", [content], bytes =>
                (new TransferredFile(shown, destination, bytes.Length), $"{shown} -> {destination}", destination,
                    progress => RemoteUpload.UploadAsync(context, host, new MemoryStream(bytes, writable: false), bytes.Length, destination, mode, verify: true, progress, linked.Token)))
                .ConfigureAwait(false);
        }, linked.Token).ConfigureAwait(false);
    }

    public static async Task<TransferResult> GetAsync(string remotePath, string? localPath, bool useSudo, bool verify, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(remotePath);
        var context = Ambient.Context;
        var scope = Ambient.Scope;
        var target = RemoteShell.CurrentTarget("get", remotePath);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, context.Cancellation);
        var connection = await context.RemoteHosts.GetAsync(target, linked.Token).ConfigureAwait(false);
        return await OnHostAsync(context, scope, connection, "get", "from", remotePath, useSudo, async host =>
        {
            var pattern = await host.ResolveAsync(RemotePaths.Join(scope.RemoteDirectory, remotePath), linked.Token).ConfigureAwait(false);
            var found = await RemoteGlob.ExpandAsync(host.RootFiles ?? host.Files, pattern, linked.Token).ConfigureAwait(false);
            if (found.Files.Count == 0 && found.Problems.Count == 0)
            {
                return Fail(context, scope, "get", target, [], $"get: no remote file on {target.Display} matches '{remotePath}'.");
            }

            var localBase = scope.LocalDirectory ?? Directory.GetCurrentDirectory();
            var template = string.IsNullOrEmpty(localPath) ? "{host}/{path}" : localPath;
            return await EachAsync(context, scope, connection, "get", "from", found.Files, remote =>
            {
                var local = LocalTarget(template, localBase, target, remote.Start, remote.Path, found.Files.Count);
                return (new TransferredFile(local, remote.Path, remote.Size), $"{remote.Path} -> {local}", remote.Path,
                    progress => RemoteDownload.DownloadAsync(context, host, remote.Path, remote.Size, local, verify, progress, linked.Token));
            }, found.Problems).ConfigureAwait(false);
        }, linked.Token).ConfigureAwait(false);
    }

    /// <summary>
    /// Opens the host's files for one operation and runs it; the server's refusal outside a file's own transfer (the folder
    /// cannot be listed) fails the operation with one line naming the host and why, a lost connection aborts it, and so
    /// does sudo's refusal, naming <paramref name="what"/> (the files asked for).
    /// </summary>
    private static async Task<TransferResult> OnHostAsync(
        RunContext context, ScopeSettings scope, IRemoteHost connection, string kind, string preposition, string what, bool useSudo,
        Func<TransferHost, Task<TransferResult>> operation, CancellationToken cancellationToken)
    {
        try
        {
            await using var host = await TransferHost.OpenAsync(context, connection, useSudo, cancellationToken).ConfigureAwait(false);
            return await operation(host).ConfigureAwait(false);
        }
        catch (RemoteFileException e)
        {
            return Fail(context, scope, kind, connection.Target, [], $"{kind} {preposition} {connection.Target.Display} failed: {what}: {e.Message.TrimEnd('.')}.");
        }
        catch (ConnectionLostException e)
        {
            context.RemoteHosts.Evict(connection);
            throw new AbortException($"Connection to {connection.Target.Display} was lost during a {kind}: {e.Message}", e);
        }
        catch (Remote.SudoRefusedException e)
        {
            throw new AbortException($"{kind} of {what} {preposition} {connection.Target.Display} failed: {e.Message}", e);
        }
    }

    private static async Task<bool> IsFolderAsync(IRemoteFiles files, string path, CancellationToken cancellationToken)
    {
        try
        {
            return (await files.StatAsync(path, cancellationToken).ConfigureAwait(false))?.Type == RemoteFileType.Directory;
        }
        catch (RemoteFileException)
        {
            return false; // The upload itself says why it cannot write there.
        }
    }

    /// <summary>
    /// Transfers each item in turn: announces it (<c>[host] put: a -> b</c>), runs its transfer, and returns every file that
    /// made it, or the failure (abort, or under warn-only a warning and a failed result): one line naming the host, each
    /// file that did not make it and the server's reason. A file of <see cref="MeteredSize"/> or more gets a progress meter
    /// while its <c>running</c> line is shown.
    /// </summary>
    private static async Task<TransferResult> EachAsync<T>(
        RunContext context, ScopeSettings scope, IRemoteHost connection, string kind, string preposition, IEnumerable<T> items,
        Func<T, (TransferredFile File, string Shown, string Named, Func<Action<long>?, Task<string?>> Transfer)> plan,
        List<(string Path, string Why)>? problems = null)
    {
        var target = connection.Target;
        var done = new List<TransferredFile>();
        var failures = problems?.Select(p => $"{p.Path}: {p.Why}").ToList() ?? [];
        foreach (var item in items)
        {
            var (file, shown, named, transfer) = plan(item);
            OutputGroups.Write(context, scope, new OutputEvent(OutputKind.Command, target.Display, $"{kind}: {shown}"));
            using var meter = file.Bytes >= MeteredSize && context.TransferProgress is { } progress
                && OutputGroups.IsShown(OutputKind.Command, scope, context.OutputGroups)
                    ? progress.Begin(target.Display, file.RemotePath, file.Bytes)
                    : null;
            string? error;
            try
            {
                error = await transfer(meter is null ? null : meter.Report).ConfigureAwait(false);
            }
            catch (RemoteFileException e)
            {
                error = e.Message.TrimEnd('.');
            }
            catch (ConnectionLostException e)
            {
                context.RemoteHosts.Evict(connection);
                var what = kind == "put" ? $"sending {file.LocalPath} to {file.RemotePath}" : $"receiving {file.RemotePath}";
                throw new AbortException($"Connection to {target.Display} was lost while {what}: {e.Message}", e);
            }

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
            : Fail(context, scope, kind, target, done, $"{kind} {preposition} {target.Display} failed: {string.Join("; ", failures)}.", failures);
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

    private static TransferResult Fail(RunContext context, ScopeSettings scope, string kind, ConnectionTarget target, List<TransferredFile> done, string message, List<string>? failures = null)
    {
        if (!scope.FailureWarns(context.Env.WarnOnly))
        {
            throw new AbortException(message);
        }

        OutputGroups.Write(context, scope, new OutputEvent(OutputKind.Warning, target.Display, message));
        return new TransferResult { Kind = kind, Host = target.Display, Files = done, Failures = failures ?? [message] };
    }

    private static bool IsOctalMode(string mode) => mode.Length is >= 3 and <= 4 && mode.All(c => c is >= '0' and <= '7');
}
