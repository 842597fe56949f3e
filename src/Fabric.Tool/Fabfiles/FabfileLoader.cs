using Fabric.Engine;

namespace Fabric.Tool.Fabfiles;

/// <summary>Finds, builds if needed, and loads the fabfile: what the tool calls before it reads the task table.</summary>
internal static class FabfileLoader
{
    /// <summary>Synchronous <see cref="LoadAsync"/>, for the command line.</summary>
    public static LoadedFabfile Load(string? fabfileOption, string currentDirectory, TextWriter status) =>
        LoadAsync(fabfileOption, currentDirectory, status).GetAwaiter().GetResult();

    /// <summary>Finds the fabfile (<see cref="FabfileLocator"/>), builds it when out of date (<see cref="FabfileBuilder"/>) and loads it.</summary>
    /// <param name="fabfileOption">The value of <c>-f/--fabfile</c>, or null to search from <paramref name="currentDirectory"/> up.</param>
    /// <param name="currentDirectory">Where the search starts and what relative paths are relative to.</param>
    /// <param name="status">Gets the <c>Building …</c> line when a build runs; nothing otherwise.</param>
    /// <param name="cancellationToken">Stops a running build.</param>
    /// <exception cref="FabricUsageException">No fabfile, an ambiguous one, a failed build, or one built for a newer .NET.</exception>
    public static async Task<LoadedFabfile> LoadAsync(
        string? fabfileOption, string currentDirectory, TextWriter status, CancellationToken cancellationToken = default)
    {
        var build = await BuildAsync(fabfileOption, currentDirectory, status, cancellationToken).ConfigureAwait(false);
        return LoadBuilt(build.AssemblyPath, build.ProjectPath, build.Built);
    }

    /// <summary>Finds the fabfile and builds it when out of date, without loading it.</summary>
    /// <exception cref="FabricUsageException">No fabfile, an ambiguous one, or a failed build.</exception>
    public static async Task<FabfileBuild> BuildAsync(
        string? fabfileOption, string currentDirectory, TextWriter status, CancellationToken cancellationToken = default)
    {
        var location = FabfileLocator.Locate(fabfileOption, currentDirectory);
        return location.IsBuiltAssembly
            ? new FabfileBuild(location.Path, Built: false)
            : await FabfileBuilder.EnsureBuiltAsync(location.Path, currentDirectory, status, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Loads a built fabfile assembly into a new <see cref="FabfileLoadContext"/>.</summary>
    public static LoadedFabfile LoadBuilt(string assemblyPath, string? projectPath, bool built)
    {
        var shownName = projectPath ?? assemblyPath;
        var context = new FabfileLoadContext(assemblyPath, new Lazy<FabfileDependencies>(() => FabfileDependencies.Read(assemblyPath, projectPath)));
        var pdbPath = Path.ChangeExtension(assemblyPath, ".pdb");
        System.Reflection.Assembly assembly;
        try
        {
            // From memory, not from the path: a mapped file that a later build overwrites in place would
            // crash the process, and on Windows it would be locked against that build.
            using var image = new MemoryStream(File.ReadAllBytes(assemblyPath));
            using var symbols = File.Exists(pdbPath) ? new MemoryStream(File.ReadAllBytes(pdbPath)) : null;
            assembly = context.LoadFromStream(image, symbols);
        }
        catch (BadImageFormatException e)
        {
            throw new FabricUsageException($"{assemblyPath} is not a .NET assembly: {e.Message}", e);
        }

        FabfileTargetRuntime.EnsureSupported(assembly, Environment.Version, shownName);
        FabfileFabricVersion.EnsureCompatible(assembly, typeof(TaskAttribute).Assembly.GetName(), shownName);
        var xml = Path.ChangeExtension(assemblyPath, ".xml");
        return new LoadedFabfile(assembly, assemblyPath, projectPath, File.Exists(xml) ? xml : null, built);
    }
}
