using System.Reflection;
using System.Runtime.Versioning;
using Fabric.Engine;

namespace Fabric.Tool.Fabfiles;

/// <summary>
/// Refuses a fabfile built for a newer .NET than the one running the tool: it loads, then fails on its
/// first type with a message about <c>System.Runtime</c>. An older one (net8.0 on net10) runs fine.
/// </summary>
internal static class FabfileTargetRuntime
{
    /// <summary>Throws when <paramref name="target"/> (the fabfile's target framework) is a newer .NETCoreApp than <paramref name="runtime"/>.</summary>
    public static void EnsureSupported(FrameworkName? target, Version runtime, string fabfile)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        if (target is not null
            && target.Identifier == ".NETCoreApp"
            && IsNewer(target.Version, runtime))
        {
            throw TooNew($"net{target.Version.Major}.{target.Version.Minor}", runtime, fabfile);
        }
    }

    /// <summary>
    /// Throws when the loaded fabfile targets a newer .NET than <paramref name="runtime"/>: by its
    /// <see cref="TargetFrameworkAttribute"/>, else by the <c>System.Runtime</c> it references.
    /// </summary>
    public static void EnsureSupported(Assembly assembly, Version runtime, string fabfile)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var declared = assembly.GetCustomAttributesData()
            .FirstOrDefault(a => a.AttributeType.FullName == typeof(TargetFrameworkAttribute).FullName)
            ?.ConstructorArguments.FirstOrDefault().Value as string;
        if (declared is not null)
        {
            try
            {
                EnsureSupported(new FrameworkName(declared), runtime, fabfile);
                return;
            }
            catch (ArgumentException)
            {
                // Not a framework name we can read: fall back to System.Runtime.
            }
        }

        var systemRuntime = assembly.GetReferencedAssemblies()
            .FirstOrDefault(a => a.Name == "System.Runtime" && a.Version is not null);
        if (systemRuntime?.Version is { } version && IsNewer(version, runtime))
        {
            throw TooNew($"System.Runtime {version}", runtime, fabfile);
        }
    }

    private static bool IsNewer(Version target, Version runtime) =>
        target.Major > runtime.Major || (target.Major == runtime.Major && target.Minor > runtime.Minor);

    private static FabricUsageException TooNew(string target, Version runtime, string fabfile) =>
        new($"{fabfile} is built for {target}, newer than the .NET {runtime} that runs dotnet fab. "
            + $"Target net{runtime.Major}.{runtime.Minor} or lower in the fabfile, or run dotnet fab on a newer .NET.");
}
