using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Extensions.DependencyModel;

namespace Fabric.Tool.Fabfiles;

/// <summary>
/// Where a fabfile's NuGet dependencies are on disk. A class library's <c>bin/</c> does not hold them
/// (unless it sets <c>EnableDynamicLoading</c>), so its <c>.deps.json</c> (package, version, asset path)
/// is joined with the package folders of its <c>obj/project.assets.json</c>, then <c>NUGET_PACKAGES</c>,
/// then <c>~/.nuget/packages</c>.
/// </summary>
internal sealed class FabfileDependencies
{
    private readonly IReadOnlyList<string> packageFolders;
    private readonly IReadOnlyList<RuntimeLibrary> libraries;

    private FabfileDependencies(IReadOnlyList<RuntimeLibrary> libraries, IReadOnlyList<string> packageFolders)
    {
        this.libraries = libraries;
        this.packageFolders = packageFolders;
    }

    /// <summary>The package folders searched, in order.</summary>
    public IReadOnlyList<string> PackageFolders => packageFolders;

    /// <summary>Reads the <c>.deps.json</c> next to the assembly (none is fine) and finds the package folders.</summary>
    /// <param name="assemblyPath">The fabfile assembly.</param>
    /// <param name="projectPath">Its project, whose <c>obj/project.assets.json</c> names the package folders; null (or a single-file fabfile) to search above the assembly.</param>
    public static FabfileDependencies Read(string assemblyPath, string? projectPath)
    {
        var depsPath = Path.ChangeExtension(assemblyPath, ".deps.json");
        DependencyContext? context = null;
        if (File.Exists(depsPath))
        {
            using var stream = File.OpenRead(depsPath);
            using var reader = new DependencyContextJsonReader();
            context = reader.Read(stream);
        }

        return new FabfileDependencies(
            context?.RuntimeLibraries ?? [],
            FindPackageFolders(AssetsFile(assemblyPath, projectPath)));
    }

    /// <summary>The file of a package assembly the fabfile depends on, or null when its deps.json names none that exists.</summary>
    public string? ResolveAssembly(AssemblyName name)
    {
        foreach (var library in libraries)
        {
            var group = SelectGroup(library.RuntimeAssemblyGroups);
            var asset = group?.AssetPaths.FirstOrDefault(path =>
                string.Equals(Path.GetFileNameWithoutExtension(path), name.Name, StringComparison.OrdinalIgnoreCase));
            if (asset is not null)
            {
                var file = InPackageFolders(library, asset);
                if (file is not null)
                {
                    return file;
                }
            }
        }

        return null;
    }

    /// <summary>The file of a native library of a package the fabfile depends on (<c>foo</c> finds <c>libfoo.so</c>), or null.</summary>
    public string? ResolveNative(string libraryName)
    {
        var wanted = NativeStem(libraryName);
        foreach (var library in libraries)
        {
            var group = SelectGroup(library.NativeLibraryGroups);
            var asset = group?.AssetPaths.FirstOrDefault(path =>
                string.Equals(NativeStem(Path.GetFileName(path)), wanted, StringComparison.OrdinalIgnoreCase));
            if (asset is not null)
            {
                var file = InPackageFolders(library, asset);
                if (file is not null)
                {
                    return file;
                }
            }
        }

        return null;
    }

    /// <summary><c>libfoo.so.1</c>, <c>libfoo.so</c>, <c>foo.dll</c>, <c>foo</c> → <c>foo</c>.</summary>
    internal static string NativeStem(string fileName)
    {
        var stem = fileName;
        foreach (var suffix in (string[])[".dll", ".dylib", ".so"])
        {
            var at = stem.IndexOf(suffix, StringComparison.OrdinalIgnoreCase);
            if (at > 0)
            {
                stem = stem[..at];
            }
        }

        return stem.StartsWith("lib", StringComparison.Ordinal) && stem.Length > 3 ? stem[3..] : stem;
    }

    private string? InPackageFolders(RuntimeLibrary library, string asset)
    {
        if (!string.Equals(library.Type, "package", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var libraryPath = library.Path ?? $"{library.Name.ToLowerInvariant()}/{library.Version.ToLowerInvariant()}";
        return packageFolders
            .Select(folder => Path.GetFullPath(Path.Combine(folder, libraryPath, asset)))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>The most specific group for this machine's runtime identifier, else the portable one.</summary>
    private static RuntimeAssetGroup? SelectGroup(IReadOnlyList<RuntimeAssetGroup> groups)
    {
        foreach (var rid in RuntimeIdentifiers())
        {
            var group = groups.FirstOrDefault(g => string.Equals(g.Runtime, rid, StringComparison.OrdinalIgnoreCase));
            if (group is not null)
            {
                return group;
            }
        }

        return groups.FirstOrDefault(g => string.IsNullOrEmpty(g.Runtime));
    }

    private static IEnumerable<string> RuntimeIdentifiers()
    {
        var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        var arch = RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();
        yield return RuntimeInformation.RuntimeIdentifier;
        yield return $"{os}-{arch}";
        yield return os;
        if (!OperatingSystem.IsWindows())
        {
            yield return "unix";
        }

        yield return "any";
    }

    private static string? AssetsFile(string assemblyPath, string? projectPath)
    {
        if (projectPath is not null && !FabfileLocation.IsSingleFilePath(projectPath))
        {
            return Path.Combine(Path.GetDirectoryName(projectPath)!, "obj", "project.assets.json");
        }

        // bin/Debug/net10.0/Fabfile.dll → the project folder is a few levels up; a single-file fabfile's build folder
        // (the SDK's, bin/debug/fabfile.dll) too.
        var folder = new DirectoryInfo(Path.GetDirectoryName(Path.GetFullPath(assemblyPath))!);
        for (var level = 0; folder is not null && level < 5; level++, folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "obj", "project.assets.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static List<string> FindPackageFolders(string? assetsFile)
    {
        var folders = new List<string>();
        if (assetsFile is not null && File.Exists(assetsFile))
        {
            try
            {
                using var stream = File.OpenRead(assetsFile);
                using var document = JsonDocument.Parse(stream);
                if (document.RootElement.TryGetProperty("packageFolders", out var packageFolders)
                    && packageFolders.ValueKind == JsonValueKind.Object)
                {
                    folders.AddRange(packageFolders.EnumerateObject().Select(p => p.Name));
                }
            }
            catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
            {
                // An unreadable assets file leaves the usual folders below.
            }
        }

        var fromEnvironment = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            folders.Add(fromEnvironment);
        }

        folders.Add(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"));
        return folders.Distinct(StringComparer.Ordinal).ToList();
    }
}
