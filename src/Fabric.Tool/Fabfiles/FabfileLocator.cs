using Fabric.Engine;

namespace Fabric.Tool.Fabfiles;

/// <summary>
/// Finds the fabfile (SPEC §2): <c>-f/--fabfile</c> when given, otherwise the first folder, from the
/// current one upwards, that holds a <c>fabfile/</c> folder with one project or a <c>fabfile.csproj</c>.
/// </summary>
internal static class FabfileLocator
{
    private const string FolderName = "fabfile";
    private const string ProjectFileName = "fabfile.csproj";

    /// <summary>Finds the fabfile, or throws a <see cref="FabricUsageException"/> naming where it looked.</summary>
    /// <param name="fabfileOption">The value of <c>-f/--fabfile</c>, or null.</param>
    /// <param name="currentDirectory">The folder the search starts from, and that <paramref name="fabfileOption"/> is relative to.</param>
    public static FabfileLocation Locate(string? fabfileOption, string currentDirectory)
    {
        var start = Path.GetFullPath(currentDirectory);
        return string.IsNullOrWhiteSpace(fabfileOption)
            ? Search(start)
            : FromOption(Path.GetFullPath(fabfileOption, start));
    }

    private static FabfileLocation Search(string start)
    {
        var looked = new List<string>();
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            looked.Add(folder.FullName);
            var found = InFolder(folder);
            if (found is not null)
            {
                return found;
            }
        }

        throw new FabricUsageException(
            $"No fabfile found. Looked for {FolderName}/*.csproj and {ProjectFileName} in: "
            + string.Join(", ", looked)
            + ". Use -f/--fabfile to name a folder, a .csproj or a built .dll.");
    }

    /// <summary>The fabfile this one folder holds, without looking at its parents, or null.</summary>
    private static FabfileLocation? InFolder(DirectoryInfo folder)
    {
        foreach (var sub in SafeEnumerate(() => folder.EnumerateDirectories()))
        {
            if (string.Equals(sub.Name, FolderName, StringComparison.OrdinalIgnoreCase))
            {
                var projects = ProjectsIn(sub);
                if (projects.Count > 0)
                {
                    return Single(projects, sub.FullName);
                }
            }
        }

        var named = SafeEnumerate(() => folder.EnumerateFiles("*.csproj"))
            .Where(f => string.Equals(f.Name, ProjectFileName, StringComparison.OrdinalIgnoreCase))
            .Select(f => f.FullName)
            .ToList();
        return named.Count > 0 ? Single(named, folder.FullName) : null;
    }

    private static FabfileLocation FromOption(string path)
    {
        if (Directory.Exists(path))
        {
            var projects = ProjectsIn(new DirectoryInfo(path));
            if (projects.Count > 0)
            {
                return Single(projects, path);
            }

            return InFolder(new DirectoryInfo(path))
                ?? throw new FabricUsageException($"-f/--fabfile: no .csproj in {path}.");
        }

        if (!File.Exists(path))
        {
            throw new FabricUsageException($"-f/--fabfile: {path} does not exist.");
        }

        var extension = Path.GetExtension(path);
        if (extension.Equals(".csproj", StringComparison.OrdinalIgnoreCase))
        {
            return FabfileLocation.Project(path);
        }

        if (extension.Equals(".dll", StringComparison.OrdinalIgnoreCase))
        {
            return FabfileLocation.Assembly(path);
        }

        throw new FabricUsageException($"-f/--fabfile: {path} is neither a folder, a .csproj nor a .dll.");
    }

    private static List<string> ProjectsIn(DirectoryInfo folder) =>
        SafeEnumerate(() => folder.EnumerateFiles("*.csproj"))
            .Select(f => f.FullName)
            .Order(StringComparer.Ordinal)
            .ToList();

    private static FabfileLocation Single(List<string> projects, string folder) =>
        projects.Count == 1
            ? FabfileLocation.Project(projects[0])
            : throw new FabricUsageException(
                $"{folder} holds {projects.Count} projects ({string.Join(", ", projects.Select(Path.GetFileName))}); "
                + "keep one, or name it with -f/--fabfile.");

    /// <summary>A folder we may not read (permissions, a race) is a folder without a fabfile.</summary>
    private static List<T> SafeEnumerate<T>(Func<IEnumerable<T>> enumerate)
    {
        try
        {
            return enumerate().ToList();
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return [];
        }
    }
}
