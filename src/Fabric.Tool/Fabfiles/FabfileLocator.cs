using Fabric.Engine;

namespace Fabric.Tool.Fabfiles;

/// <summary>
/// Finds the fabfile: <c>-f/--fabfile</c> when given, otherwise the first folder, from the
/// current one upwards, that holds a fabfile: a <c>fabfile.cs</c>, a <c>fabfile/</c> folder with one project, or a
/// <c>fabfile.csproj</c>. A folder holding two of them is an error (never a silent pick); a <c>fabfile.cs</c> next to
/// a project file is that project's source, not a fabfile of its own.
/// </summary>
internal static class FabfileLocator
{
    private const string FolderName = "fabfile";
    private const string ProjectFileName = "fabfile.csproj";
    private const string SingleFileName = "fabfile.cs";

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
            $"No fabfile found. Looked for {SingleFileName}, {FolderName}/*.csproj and {ProjectFileName} in: "
            + string.Join(", ", looked)
            + ". Use -f/--fabfile to name a folder, a .cs file, a .csproj or a built .dll.");
    }

    /// <summary>The fabfile this one folder holds, without looking at its parents, or null; two of them are an error.</summary>
    private static FabfileLocation? InFolder(DirectoryInfo folder)
    {
        var found = new List<(FabfileLocation Location, string Shown)>();
        foreach (var sub in SafeEnumerate(() => folder.EnumerateDirectories()))
        {
            if (string.Equals(sub.Name, FolderName, StringComparison.OrdinalIgnoreCase))
            {
                var projects = ProjectsIn(sub);
                if (projects.Count > 0)
                {
                    var project = Single(projects, sub.FullName);
                    found.Add((project, $"{sub.Name}/{Path.GetFileName(project.Path)}"));
                }
            }
        }

        var files = SafeEnumerate(() => folder.EnumerateFiles());
        var projectFiles = files.Where(f => f.Extension.Equals(".csproj", StringComparison.OrdinalIgnoreCase)).ToList();
        found.AddRange(projectFiles
            .Where(f => string.Equals(f.Name, ProjectFileName, StringComparison.OrdinalIgnoreCase))
            .Select(f => (FabfileLocation.Project(f.FullName), f.Name)));
        if (projectFiles.Count == 0)
        {
            found.AddRange(files
                .Where(f => string.Equals(f.Name, SingleFileName, StringComparison.OrdinalIgnoreCase))
                .Select(f => (FabfileLocation.SingleFile(f.FullName), f.Name)));
        }

        return found.Count switch
        {
            0 => null,
            1 => found[0].Location,
            _ => throw new FabricUsageException(
                $"{folder.FullName} holds {found.Count} fabfiles ({string.Join(", ", found.Select(f => f.Shown))}); "
                + "keep one, or name the one to use with -f/--fabfile."),
        };
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
                ?? throw new FabricUsageException($"-f/--fabfile: no .csproj and no {SingleFileName} in {path}.");
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

        if (FabfileLocation.IsSingleFilePath(path))
        {
            return FabfileLocation.SingleFile(path);
        }

        throw new FabricUsageException($"-f/--fabfile: {path} is neither a folder, a .cs file, a .csproj nor a .dll.");
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
