namespace Fabric.Tool.Fabfiles;

/// <summary>The outcome of <see cref="FabfileBuilder"/>: the assembly to load, and whether a build ran for it.</summary>
internal sealed record FabfileBuild(string AssemblyPath, bool Built);
