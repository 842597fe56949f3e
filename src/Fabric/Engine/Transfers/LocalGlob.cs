namespace Fabric.Engine.Transfers;

/// <summary>
/// Expands a local path for <c>Put</c>: a file, a folder (all its files, keeping their relative paths), or a glob in the
/// last part (<c>*.txt</c>). A path that exists is taken as it is, even with <c>*</c>, <c>?</c> or <c>[</c> in its name.
/// </summary>
internal static class LocalGlob
{
    /// <summary>Each file to send with the name it gets under the target folder (<c>name</c>, or <c>folder/sub/name</c>).</summary>
    public static List<(string File, string RelativeName)> Expand(string path, string baseDirectory)
    {
        var full = System.IO.Path.GetFullPath(path, baseDirectory);
        var name = System.IO.Path.GetFileName(full);
        var directory = System.IO.Path.GetDirectoryName(full) ?? "/";
        IEnumerable<string> matches = File.Exists(full) || Directory.Exists(full) ? [full]
            : name.IndexOfAny(['*', '?']) >= 0 && Directory.Exists(directory) ? Directory.EnumerateFileSystemEntries(directory, name).Order(StringComparer.Ordinal)
            : [];
        var files = new List<(string, string)>();
        foreach (var match in matches)
        {
            if (Directory.Exists(match))
            {
                var folder = System.IO.Path.GetFileName(match.TrimEnd('/'));
                foreach (var file in Directory.EnumerateFiles(match, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    files.Add((file, folder + "/" + System.IO.Path.GetRelativePath(match, file).Replace('\\', '/')));
                }
            }
            else
            {
                files.Add((match, System.IO.Path.GetFileName(match)));
            }
        }

        return files;
    }

    /// <summary>True when <paramref name="path"/> is a local folder (its files go into a remote folder of its name).</summary>
    public static bool IsFolder(string path, string baseDirectory) => Directory.Exists(System.IO.Path.GetFullPath(path, baseDirectory));
}
