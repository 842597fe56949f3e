using System.Reflection;

namespace Fabric.Tool.Fabfiles;

/// <summary>A fabfile ready for the task table.</summary>
/// <param name="Assembly">The fabfile assembly, loaded in its own <see cref="FabfileLoadContext"/>.</param>
/// <param name="AssemblyPath">The file it was loaded from (also its <see cref="Assembly.Location"/>, unless it was read into memory: on Windows, or when this process loaded an older build of it before).</param>
/// <param name="ProjectPath">The fabfile's project (or its <c>.cs</c> file, for a single-file fabfile), or null when <c>-f</c> named a built <c>.dll</c>.</param>
/// <param name="XmlDocumentationPath">The XML documentation file next to the assembly (task descriptions from <c>&lt;summary&gt;</c>), or null.</param>
/// <param name="Built">True when this load ran a build.</param>
internal sealed record LoadedFabfile(
    Assembly Assembly,
    string AssemblyPath,
    string? ProjectPath,
    string? XmlDocumentationPath,
    bool Built)
{
    /// <summary>The folder of the fabfile: its file's or project's, else its assembly's (<c>Env.FabfileDirectory</c>).</summary>
    public string Directory => Path.GetDirectoryName(ProjectPath ?? AssemblyPath)!;
}
