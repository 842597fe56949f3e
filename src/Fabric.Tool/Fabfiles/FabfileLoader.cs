using System.Reflection;

namespace Fabric.Tool.Fabfiles;

/// <summary>Interim loader (replaced by the real locator/builder/load context): loads a built .dll given with -f.</summary>
internal static class FabfileLoader
{
    public static LoadedFabfile Load(string? fabfileOption, string currentDirectory, TextWriter status)
    {
        var path = Path.GetFullPath(fabfileOption ?? throw new Engine.FabricUsageException("interim loader needs -f"), currentDirectory);
        var assembly = Assembly.LoadFrom(path);
        return new LoadedFabfile(assembly, path, Path.ChangeExtension(path, ".xml"));
    }
}

internal sealed record LoadedFabfile(Assembly Assembly, string ProjectPath, string? DocumentationPath);
