using System.Reflection;
using System.Runtime.Loader;

namespace Fabric.Tool.Fabfiles;

/// <summary>
/// The load context of a fabfile: its own dependencies come from its <c>bin/</c> or its NuGet packages,
/// but the <c>Fabric</c> library (and whatever the tool has already loaded) is the tool's copy, so that
/// <c>[Task]</c>, <c>Env</c> and the rest are the same types on both sides.
/// </summary>
internal sealed class FabfileLoadContext : AssemblyLoadContext
{
    private readonly string assemblyFolder;
    private readonly AssemblyDependencyResolver? resolver;
    private readonly Lazy<FabfileDependencies> dependencies;
    private readonly HashSet<string> sharedNames;

    /// <summary>
    /// Creates the context for the fabfile assembly at <paramref name="assemblyPath"/>. The <c>.deps.json</c> and
    /// package folders are read only when a dependency is not found next to the assembly (most runs never need them).
    /// </summary>
    public FabfileLoadContext(string assemblyPath, Lazy<FabfileDependencies> dependencies)
        : base($"fabfile {Path.GetFileName(assemblyPath)}", isCollectible: false)
    {
        assemblyFolder = Path.GetDirectoryName(Path.GetFullPath(assemblyPath))!;
        this.dependencies = dependencies;
        resolver = CreateResolver(assemblyPath);

        var fabric = typeof(TaskAttribute).Assembly;
        sharedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { fabric.GetName().Name! };
        foreach (var reference in fabric.GetReferencedAssemblies())
        {
            sharedNames.Add(reference.Name!);
        }
    }

    /// <summary>
    /// True when the tool's side answers for this name: Fabric and what Fabric references, always; what the tool
    /// has loaded or ships (its trusted platform assemblies, the framework among them) when that version is
    /// at least the one the fabfile asks for.
    /// </summary>
    public bool IsShared(AssemblyName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Name is null)
        {
            return false;
        }

        if (sharedNames.Contains(name.Name))
        {
            return true;
        }

        if (Default.Assemblies
            .Select(a => a.GetName())
            .Any(loaded => string.Equals(loaded.Name, name.Name, StringComparison.OrdinalIgnoreCase)
                && IsAtLeast(loaded.Version, name.Version)))
        {
            return true;
        }

        return TrustedPlatformAssemblies.Value.TryGetValue(name.Name, out var path)
            && IsAtLeast(VersionOf(path), name.Version);
    }

    private static readonly Lazy<Dictionary<string, string>> TrustedPlatformAssemblies = new(() =>
        ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .GroupBy(path => Path.GetFileNameWithoutExtension(path), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.First(), StringComparer.OrdinalIgnoreCase));

    private static bool IsAtLeast(Version? available, Version? wanted) =>
        wanted is null || available is null || available >= wanted;

    private static Version? VersionOf(string path)
    {
        try
        {
            return AssemblyName.GetAssemblyName(path).Version;
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        // First, always: a second Fabric would make the fabfile's [Task] a different type.
        if (IsShared(assemblyName))
        {
            return null;
        }

        var path = resolver?.ResolveAssemblyToPath(assemblyName)
            ?? InAssemblyFolder(assemblyName.Name + ".dll")
            ?? dependencies.Value.ResolveAssembly(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    /// <inheritdoc />
    protected override nint LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = resolver?.ResolveUnmanagedDllToPath(unmanagedDllName)
            ?? dependencies.Value.ResolveNative(unmanagedDllName);
        return path is null ? 0 : LoadUnmanagedDllFromPath(path);
    }

    private string? InAssemblyFolder(string fileName)
    {
        var path = Path.Combine(assemblyFolder, fileName);
        return File.Exists(path) ? path : null;
    }

    private static AssemblyDependencyResolver? CreateResolver(string assemblyPath)
    {
        try
        {
            return new AssemblyDependencyResolver(assemblyPath);
        }
        catch (InvalidOperationException)
        {
            // No host policy to ask (an unusual host): the folder and the deps.json still answer.
            return null;
        }
    }
}
