namespace Fabric.Tool.Fabfiles;

/// <summary>What kind of fabfile was found.</summary>
internal enum FabfileKind
{
    /// <summary>A project (<c>.csproj</c>) built with <c>dotnet build</c>.</summary>
    Project,

    /// <summary>One C# file (<c>fabfile.cs</c>) built as a .NET file-based program, as a library.</summary>
    SingleFile,

    /// <summary>An assembly someone already built, loaded as it is.</summary>
    Assembly,
}

/// <summary>Where the fabfile is: a project or a single file to build, or an assembly someone already built.</summary>
/// <param name="Path">Full path of the <c>.csproj</c>, the <c>.cs</c> or the <c>.dll</c>.</param>
/// <param name="Kind">Which of the three <paramref name="Path"/> names.</param>
internal sealed record FabfileLocation(string Path, FabfileKind Kind)
{
    /// <summary>True when <see cref="Path"/> names a built <c>.dll</c> (no build step).</summary>
    public bool IsBuiltAssembly => Kind == FabfileKind.Assembly;

    /// <summary>A fabfile project that is built before it is loaded.</summary>
    public static FabfileLocation Project(string projectPath) => new(System.IO.Path.GetFullPath(projectPath), FabfileKind.Project);

    /// <summary>A single-file fabfile, built before it is loaded.</summary>
    public static FabfileLocation SingleFile(string filePath) => new(System.IO.Path.GetFullPath(filePath), FabfileKind.SingleFile);

    /// <summary>An already built fabfile assembly, loaded as it is.</summary>
    public static FabfileLocation Assembly(string assemblyPath) => new(System.IO.Path.GetFullPath(assemblyPath), FabfileKind.Assembly);

    /// <summary>True when <paramref name="path"/> is a single-file fabfile (a <c>.cs</c> file) rather than a project.</summary>
    public static bool IsSingleFilePath(string path) => path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase);
}
