using System.Text.RegularExpressions;

namespace Fabric.Tool.Fabfiles;

/// <summary>
/// The files whose change makes a fabfile build out of date: its sources and project files (bin/ and obj/
/// left out), the same of every project it references with <c>&lt;ProjectReference&gt;</c>, the MSBuild
/// and NuGet settings found upwards (<c>Directory.Build.*</c>, <c>Directory.Packages.props</c>,
/// <c>global.json</c>, <c>nuget.config</c>) and each project's <c>obj/project.assets.json</c>. For a single-file
/// fabfile: the file (its <c>#:package</c>, <c>#:property</c> and <c>#:sdk</c> lines are in it), the settings found
/// upwards from its folder, the projects its <c>#:project</c> lines name (as above) and the files its
/// <c>#:include</c>/<c>#:ref</c> lines name, but not the other files of its folder, which it does not compile.
/// </summary>
internal static partial class FabfileInputs
{
    private static readonly HashSet<string> SourceExtensions =
        new(StringComparer.OrdinalIgnoreCase) { ".cs", ".csproj", ".props", ".targets", ".resx" };

    private static readonly HashSet<string> SkippedFolders =
        new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "node_modules" };

    private static readonly string[] UpwardFileNames =
        ["Directory.Packages.props", "global.json", "nuget.config"];

    /// <summary>Every input file of the project (or single file) and of the projects it references, full paths, sorted, no duplicates.</summary>
    public static IReadOnlyList<string> Enumerate(string projectPath)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        if (FabfileLocation.IsSingleFilePath(projectPath))
        {
            CollectSingleFile(Path.GetFullPath(projectPath), files, visited);
        }
        else
        {
            Collect(Path.GetFullPath(projectPath), files, visited);
        }

        return [.. files];
    }

    /// <summary>
    /// True when a source or project file (restore output aside) was written after <paramref name="timeUtc"/>:
    /// someone edited the fabfile while it was being built, so that build must not be stamped as current.
    /// </summary>
    public static bool ChangedSince(string projectPath, DateTime timeUtc) =>
        Enumerate(projectPath)
            .Where(path => !Path.GetFileName(path).Equals("project.assets.json", StringComparison.OrdinalIgnoreCase))
            .Any(path => File.GetLastWriteTimeUtc(path) > timeUtc);

    private static void Collect(string projectPath, SortedSet<string> files, HashSet<string> visited)
    {
        if (!visited.Add(projectPath) || !File.Exists(projectPath))
        {
            return;
        }

        var projectFolder = Path.GetDirectoryName(projectPath)!;
        files.Add(projectPath);
        AddSources(new DirectoryInfo(projectFolder), files);
        AddUpwardSettings(projectFolder, files);

        var assets = Path.Combine(projectFolder, "obj", "project.assets.json");
        if (File.Exists(assets))
        {
            files.Add(assets);
        }

        foreach (var reference in ProjectReferences(projectPath))
        {
            Collect(reference, files, visited);
        }
    }

    private static void CollectSingleFile(string filePath, SortedSet<string> files, HashSet<string> visited)
    {
        if (!visited.Add(filePath) || !File.Exists(filePath))
        {
            return;
        }

        files.Add(filePath);
        AddUpwardSettings(Path.GetDirectoryName(filePath)!, files);
        var directives = FabfileDirectives.Read(filePath);
        foreach (var project in FabfileDirectives.Projects(filePath, directives))
        {
            Collect(project, files, visited);
        }

        foreach (var (path, isFolder) in FabfileDirectives.Files(filePath, directives))
        {
            if (isFolder)
            {
                AddSources(new DirectoryInfo(path), files);
            }
            else if (FabfileLocation.IsSingleFilePath(path))
            {
                CollectSingleFile(path, files, visited);
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
        }
    }

    private static void AddSources(DirectoryInfo folder, SortedSet<string> files)
    {
        List<FileInfo> entries;
        List<DirectoryInfo> subfolders;
        try
        {
            entries = folder.EnumerateFiles().ToList();
            subfolders = folder.EnumerateDirectories().ToList();
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return;
        }

        foreach (var file in entries)
        {
            if (SourceExtensions.Contains(file.Extension))
            {
                files.Add(file.FullName);
            }
        }

        foreach (var sub in subfolders)
        {
            // Linked folders are left out: they may loop, and MSBuild's default globs do not follow them either.
            if (!SkippedFolders.Contains(sub.Name) && !sub.Name.StartsWith('.') && sub.LinkTarget is null)
            {
                AddSources(sub, files);
            }
        }
    }

    private static void AddUpwardSettings(string projectFolder, SortedSet<string> files)
    {
        for (var folder = new DirectoryInfo(projectFolder); folder is not null; folder = folder.Parent)
        {
            IEnumerable<FileInfo> entries;
            try
            {
                entries = folder.EnumerateFiles().ToList();
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                continue;
            }

            foreach (var file in entries)
            {
                if (file.Name.StartsWith("Directory.Build.", StringComparison.OrdinalIgnoreCase)
                    || UpwardFileNames.Contains(file.Name, StringComparer.OrdinalIgnoreCase))
                {
                    files.Add(file.FullName);
                }
            }
        }
    }

    /// <summary>
    /// The projects a project file names in <c>&lt;ProjectReference Include="…"&gt;</c>, as full paths.
    /// Only plain paths and <c>$(MSBuildThisFileDirectory)</c>/<c>$(MSBuildProjectDirectory)</c> are understood:
    /// this is a cheap read for the stamp, not an MSBuild evaluation. The file is scanned as text, not parsed as XML:
    /// loading the XML parser cost 10–15 ms of every run's start, measured. A reference in an XML comment is left out; one
    /// in a file that is not well-formed XML is still read (MSBuild then fails the build and says why).
    /// </summary>
    public static IEnumerable<string> ProjectReferences(string projectPath)
    {
        string text;
        try
        {
            text = File.ReadAllText(projectPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }

        var folder = Path.GetDirectoryName(projectPath)!;
        return ProjectReferencePattern().Matches(XmlComment().Replace(text, ""))
            .Select(match => XmlText(match.Groups["double"].Success ? match.Groups["double"].Value : match.Groups["single"].Value))
            .SelectMany(include => include.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Select(include => include
                .Replace("$(MSBuildThisFileDirectory)", folder + Path.DirectorySeparatorChar, StringComparison.OrdinalIgnoreCase)
                .Replace("$(MSBuildProjectDirectory)", folder, StringComparison.OrdinalIgnoreCase)
                .Replace('\\', Path.DirectorySeparatorChar))
            .Where(include => !include.Contains("$(", StringComparison.Ordinal))
            .Select(include => Path.GetFullPath(include, folder))
            .ToList();
    }

    /// <summary>An attribute's text with XML's five predefined entities replaced.</summary>
    private static string XmlText(string value) => value
        .Replace("&lt;", "<", StringComparison.Ordinal)
        .Replace("&gt;", ">", StringComparison.Ordinal)
        .Replace("&quot;", "\"", StringComparison.Ordinal)
        .Replace("&apos;", "'", StringComparison.Ordinal)
        .Replace("&amp;", "&", StringComparison.Ordinal);

    [GeneratedRegex("""<ProjectReference\b[^>]*?\bInclude\s*=\s*(?:"(?<double>[^"]*)"|'(?<single>[^']*)')""")]
    private static partial Regex ProjectReferencePattern();

    [GeneratedRegex("<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex XmlComment();
}
