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
        System.Reflection.Assembly assembly;
        try
        {
            assembly = LoadImage(context, assemblyPath);
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

    /// <summary>The files this process loaded fabfiles from, with their size and time when loaded.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (long Length, DateTime Written)> LoadedPaths = new(StringComparer.Ordinal);

    /// <summary>
    /// Loads the assembly from its path, so that <c>typeof(Fabfile).Assembly.Location</c> names it and the folder beside it
    /// (files the project copies to its output) can be found from the fabfile, as any .NET program finds its own.
    /// </summary>
    /// <remarks>
    /// A loaded image is mapped from its file: a build that wrote into that file while the fabfile runs would crash the run.
    /// MSBuild's copy to the output folder replaces the file (a new file under the old name) instead of writing into it, so
    /// the running image stays whole through a rebuild. But the runtime keeps one image per path for the whole process:
    /// loading a path again, even into a new load context, hands back the first image. So a file that changed since this
    /// process loaded it (a rebuild between two loads: tests, library use; the tool loads once) is read into memory instead,
    /// as is every fabfile on Windows, which locks a mapped file against the build; <c>Location</c> is then empty, and
    /// <c>Env.FabfileDirectory</c> still names the fabfile's folder.
    /// </remarks>
    private static System.Reflection.Assembly LoadImage(FabfileLoadContext context, string assemblyPath)
    {
        var path = Path.GetFullPath(assemblyPath);
        var file = new FileInfo(path);
        var stamp = (file.Length, file.LastWriteTimeUtc);
        if (!OperatingSystem.IsWindows() && LoadedPaths.GetOrAdd(path, stamp) == stamp)
        {
            return context.LoadFromAssemblyPath(path);
        }

        var pdbPath = Path.ChangeExtension(path, ".pdb");
        using var image = new MemoryStream(File.ReadAllBytes(path));
        using var symbols = File.Exists(pdbPath) ? new MemoryStream(File.ReadAllBytes(pdbPath)) : null;
        return context.LoadFromStream(image, symbols);
    }
}
