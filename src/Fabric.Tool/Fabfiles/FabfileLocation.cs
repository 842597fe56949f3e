namespace Fabric.Tool.Fabfiles;

/// <summary>Where the fabfile is: a project to build, or an assembly someone already built.</summary>
/// <param name="Path">Full path of the <c>.csproj</c> or of the <c>.dll</c>.</param>
/// <param name="IsBuiltAssembly">True when <paramref name="Path"/> names a built <c>.dll</c> (no build step).</param>
internal sealed record FabfileLocation(string Path, bool IsBuiltAssembly)
{
    /// <summary>A fabfile project that is built before it is loaded.</summary>
    public static FabfileLocation Project(string projectPath) => new(System.IO.Path.GetFullPath(projectPath), false);

    /// <summary>An already built fabfile assembly, loaded as it is.</summary>
    public static FabfileLocation Assembly(string assemblyPath) => new(System.IO.Path.GetFullPath(assemblyPath), true);
}
