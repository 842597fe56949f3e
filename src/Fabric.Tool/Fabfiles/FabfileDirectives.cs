namespace Fabric.Tool.Fabfiles;

/// <summary>
/// The <c>#:</c> directives of a single-file fabfile (.NET 10 file-based programs: <c>#:package Name@1.2.3</c>,
/// <c>#:project path</c>, <c>#:property K=V</c>, <c>#:sdk</c>, <c>#:include</c>/<c>#:exclude</c>, <c>#:ref</c>): only the
/// ones that name other files matter to the stamp, since the others are text of the file itself.
/// </summary>
internal static class FabfileDirectives
{
    /// <summary>Each <c>#:</c> directive of the file, as (name, value), in order; none when it cannot be read.</summary>
    public static IReadOnlyList<(string Name, string Value)> Read(string filePath)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(filePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }

        var directives = new List<(string, string)>();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (!line.StartsWith("#:", StringComparison.Ordinal))
            {
                continue;
            }

            var body = line[2..].Trim();
            var space = body.IndexOfAny([' ', '\t']);
            directives.Add(space < 0 ? (body, "") : (body[..space], body[(space + 1)..].Trim()));
        }

        return directives;
    }

    /// <summary>
    /// The project files named by <c>#:project</c> (a <c>.csproj</c>, or a folder holding projects), as full paths.
    /// </summary>
    public static IEnumerable<string> Projects(string filePath, IReadOnlyList<(string Name, string Value)> directives)
    {
        var folder = Path.GetDirectoryName(filePath)!;
        foreach (var (name, value) in directives)
        {
            if (!name.Equals("project", StringComparison.OrdinalIgnoreCase) || value.Length == 0)
            {
                continue;
            }

            var path = Path.GetFullPath(value.Replace('\\', Path.DirectorySeparatorChar), folder);
            if (Directory.Exists(path))
            {
                foreach (var project in Directory.EnumerateFiles(path, "*.csproj"))
                {
                    yield return project;
                }
            }
            else
            {
                yield return path;
            }
        }
    }

    /// <summary>
    /// The paths named by <c>#:include</c>, <c>#:exclude</c> and <c>#:ref</c>, as full paths; a glob is given as the folder
    /// before its first wildcard (<c>src/**/*.cs</c> → <c>src</c>), whose sources are then all inputs: more than the glob
    /// matches, never less.
    /// </summary>
    public static IEnumerable<(string Path, bool IsFolder)> Files(string filePath, IReadOnlyList<(string Name, string Value)> directives)
    {
        var folder = Path.GetDirectoryName(filePath)!;
        foreach (var (name, value) in directives)
        {
            if (value.Length == 0 || name is not ("include" or "exclude" or "ref"))
            {
                continue;
            }

            var path = value.Replace('\\', Path.DirectorySeparatorChar);
            var wildcard = path.IndexOfAny(['*', '?', '[', '{']);
            if (wildcard < 0)
            {
                var full = Path.GetFullPath(path, folder);
                yield return (full, Directory.Exists(full));
            }
            else
            {
                var separator = path.LastIndexOf(Path.DirectorySeparatorChar, wildcard);
                yield return (Path.GetFullPath(separator < 0 ? "." : path[..separator], folder), true);
            }
        }
    }
}
