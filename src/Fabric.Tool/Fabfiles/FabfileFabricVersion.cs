using System.Reflection;
using Fabric.Engine;

namespace Fabric.Tool.Fabfiles;

/// <summary>
/// Refuses a fabfile compiled against a newer Fabric than the tool's: the fabfile always binds to the tool's
/// copy, and the runtime would otherwise fail later, on the first attribute read, with a bare FileLoadException.
/// </summary>
internal static class FabfileFabricVersion
{
    /// <summary>Throws when <paramref name="fabfile"/> references a higher <c>Fabric</c> version than <paramref name="fabric"/>.</summary>
    public static void EnsureCompatible(Assembly fabfile, AssemblyName fabric, string shownName)
    {
        ArgumentNullException.ThrowIfNull(fabfile);
        ArgumentNullException.ThrowIfNull(fabric);
        var wanted = fabfile.GetReferencedAssemblies().FirstOrDefault(a => a.Name == fabric.Name)?.Version;
        if (wanted is not null && fabric.Version is not null && wanted > fabric.Version)
        {
            throw new FabricUsageException(
                $"{shownName} is built against Fabric {wanted}, newer than the Fabric {fabric.Version} of this dotnet fab. "
                + "Update the tool (dotnet tool update), or reference the Fabric version it has.");
        }
    }
}
