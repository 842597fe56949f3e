using Fabric.Engine.Transport;

namespace Fabric.Engine.Transfers;

/// <summary>A remote file a <c>Get</c> fetches: its path, the path the user named that led to it (a folder, for its relative path), its size.</summary>
internal sealed record RemoteMatch(string Path, string Start, long Size);

/// <summary>What a remote pattern named: the files, and the names that could not be fetched, each with why.</summary>
internal sealed record RemoteGlobResult(List<RemoteMatch> Files, List<(string Path, string Why)> Problems);

/// <summary>
/// Expands a <c>Get</c>'s remote path into files over <see cref="IRemoteFiles"/> (SFTP or shell, the same walk): a path
/// that exists is taken as it is, even with <c>*</c>, <c>?</c> or <c>[</c> in it; else each segment with glob characters
/// is matched against its folder's entries (<see cref="GlobPattern"/>); a folder gives every file under it, following
/// symbolic links (at most <see cref="MaxDepth"/> deep, against loops). Names are listed in ordinal order.
/// </summary>
internal static class RemoteGlob
{
    public const int MaxDepth = 32;

    /// <param name="files">The host's files.</param>
    /// <param name="pattern">An absolute path or pattern (or relative to the login folder); no <c>~</c>.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    public static async Task<RemoteGlobResult> ExpandAsync(IRemoteFiles files, string pattern, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        var result = new RemoteGlobResult([], []);
        var literal = await TryStatAsync(files, pattern, result, reportMissing: !GlobPattern.IsGlob(pattern), cancellationToken).ConfigureAwait(false);
        if (literal is not null)
        {
            await CollectAsync(files, pattern, pattern, literal, result, 0, cancellationToken).ConfigureAwait(false);
            return result;
        }

        if (!GlobPattern.IsGlob(pattern) || result.Problems.Count > 0)
        {
            return result;
        }

        foreach (var path in await MatchAsync(files, pattern, result, cancellationToken).ConfigureAwait(false))
        {
            if (await TryStatAsync(files, path, result, reportMissing: false, cancellationToken).ConfigureAwait(false) is { } info)
            {
                await CollectAsync(files, path, path, info, result, 0, cancellationToken).ConfigureAwait(false);
            }
        }

        return result;
    }

    /// <summary>The paths the pattern's segments match, folder by folder.</summary>
    private static async Task<List<string>> MatchAsync(IRemoteFiles files, string pattern, RemoteGlobResult result, CancellationToken cancellationToken)
    {
        var absolute = pattern.StartsWith('/');
        var segments = pattern.Split('/', StringSplitOptions.RemoveEmptyEntries);
        List<string> candidates = [absolute ? "/" : ""];
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var last = i == segments.Length - 1;
            var next = new List<string>();
            foreach (var folder in candidates)
            {
                if (!GlobPattern.IsGlob(segment))
                {
                    next.Add(Join(folder, segment.Replace("\\", "", StringComparison.Ordinal)));
                    continue;
                }

                IReadOnlyList<RemoteEntry> entries;
                try
                {
                    entries = await files.ListAsync(folder.Length == 0 ? "." : folder, cancellationToken).ConfigureAwait(false);
                }
                catch (RemoteFileException e) when (e.Error != RemoteFileError.Unsupported)
                {
                    continue; // As a shell's glob: a folder that cannot be read matches nothing (but an account that runs nothing is said).
                }

                foreach (var entry in entries.Where(e => GlobPattern.IsMatch(segment, e.Name)).OrderBy(e => e.Name, StringComparer.Ordinal))
                {
                    if (entry.NotUtf8)
                    {
                        result.Problems.Add((Join(folder, entry.Name), "its name is not valid UTF-8, so it cannot be named back to the server: rename it there"));
                    }
                    else if (last || entry.Info?.Type == RemoteFileType.Directory)
                    {
                        next.Add(Join(folder, entry.Name));
                    }
                }
            }

            candidates = next;
        }

        return candidates;
    }

    /// <summary>A file, or every file under a folder.</summary>
    private static async Task CollectAsync(IRemoteFiles files, string path, string start, RemoteFileInfo info, RemoteGlobResult result, int depth, CancellationToken cancellationToken)
    {
        if (info.Type == RemoteFileType.File)
        {
            result.Files.Add(new RemoteMatch(path, start, info.Size));
            return;
        }

        if (info.Type != RemoteFileType.Directory)
        {
            result.Problems.Add((path, "it is not a regular file"));
            return;
        }

        if (depth >= MaxDepth)
        {
            result.Problems.Add((path, $"it is more than {MaxDepth} folders deep (a loop of symbolic links?)"));
            return;
        }

        IReadOnlyList<RemoteEntry> entries;
        try
        {
            entries = await files.ListAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (RemoteFileException e)
        {
            result.Problems.Add((path, e.Message));
            return;
        }

        foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var child = Join(path, entry.Name);
            if (entry.NotUtf8)
            {
                result.Problems.Add((child, "its name is not valid UTF-8, so it cannot be named back to the server: rename it there"));
            }
            else if (entry.Info is { } childInfo && childInfo.Type != RemoteFileType.Other)
            {
                await CollectAsync(files, child, start, childInfo, result, depth + 1, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task<RemoteFileInfo?> TryStatAsync(IRemoteFiles files, string path, RemoteGlobResult result, bool reportMissing, CancellationToken cancellationToken)
    {
        try
        {
            var info = await files.StatAsync(path, cancellationToken).ConfigureAwait(false);
            if (info is null && reportMissing)
            {
                result.Problems.Add((path, "No such file"));
            }

            return info;
        }
        catch (RemoteFileException e) when (reportMissing || e.Error != RemoteFileError.Missing)
        {
            if (reportMissing)
            {
                result.Problems.Add((path, e.Message));
            }

            return null;
        }
        catch (RemoteFileException)
        {
            return null;
        }
    }

    /// <summary>A name under a folder (taken as a name even when it starts with <c>~</c>).</summary>
    internal static string Join(string folder, string name) => folder.Length == 0 ? name : folder.TrimEnd('/') + "/" + name;
}
