using System.Reflection;
using System.Runtime.CompilerServices;

namespace Fabric.Engine.Execution;

/// <summary>
/// Runs a fabfile's "module-level" code, its static constructors (and static field initialisers), once, in the
/// current run's context: after <c>-H</c>/<c>-R</c>/<c>--set</c> are applied and before any task runs.
/// </summary>
internal static class FabfileSetup
{
    /// <exception cref="FabricUsageException">A static constructor threw: its message and the fabfile line it came from.</exception>
    public static void Run(Assembly fabfile)
    {
        ArgumentNullException.ThrowIfNull(fabfile);
        foreach (var type in fabfile.GetTypes().Where(t => !t.IsGenericTypeDefinition && t.TypeInitializer is not null))
        {
            try
            {
                RuntimeHelpers.RunClassConstructor(type.TypeHandle);
            }
            catch (TypeInitializationException e)
            {
                var cause = e.InnerException ?? e;
                throw new FabricUsageException(
                    $"The fabfile's setup failed in {type.FullName}'s static constructor: {cause.GetType().Name}: {cause.Message}{Runner.Location(cause)}",
                    cause);
            }
        }
    }
}
