namespace Fabric.Tool.Fabfiles;

/// <summary>A fabfile found and built if needed: the assembly to load, whether a build ran for it, and what it was built from.</summary>
/// <param name="AssemblyPath">The built assembly.</param>
/// <param name="Built">True when a build ran just now.</param>
/// <param name="ProjectPath">The fabfile's project (or its <c>.cs</c> file, for a single-file fabfile), or null when <c>-f</c> named a built <c>.dll</c>.</param>
/// <param name="InputHash">The <see cref="FabfileStamp.InputHash"/> the assembly was built from, or null when unknown (a <c>.dll</c>, or inputs edited during the build).</param>
internal sealed record FabfileBuild(string AssemblyPath, bool Built, string? ProjectPath = null, string? InputHash = null);
