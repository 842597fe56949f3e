using System.Reflection;
using System.Runtime.CompilerServices;

namespace Fabric.Engine.Execution;

/// <summary>
/// Runs a fabfile's "module-level" code, its static constructors (and static field initialisers), once, in the
/// current run's context: after the run's starting hosts, roles and values are in <c>Env</c> and before any task runs.
/// </summary>
internal static class FabfileSetup
{
    /// <inheritdoc cref="Run(IEnumerable{Type})"/>
    public static void Run(Assembly fabfile)
    {
        ArgumentNullException.ThrowIfNull(fabfile);
        Run(fabfile.GetTypes());
    }

    /// <summary>Runs the static constructors of <paramref name="types"/>, in order.</summary>
    /// <exception cref="AbortException">The setup called <c>Abort</c> (or a <c>Prompt</c> that nobody could answer): the run stops as an abort anywhere else does.</exception>
    /// <exception cref="FabricUsageException">A static constructor threw anything else: its message and the fabfile line it came from.</exception>
    public static void Run(IEnumerable<Type> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        foreach (var type in types.Where(t => !t.IsGenericTypeDefinition && t.TypeInitializer is not null))
        {
            try
            {
                RuntimeHelpers.RunClassConstructor(type.TypeHandle);
            }
            catch (TypeInitializationException e) when (e.InnerException is AbortException abort)
            {
                // Abort is the fabfile's own way to stop, not a crash: no exception type, no library location.
                throw new AbortException($"{abort.Message} (the fabfile's setup, in {type.Name})", abort);
            }
            catch (TypeInitializationException e)
            {
                var cause = e.InnerException ?? e;
                throw new FabricUsageException(
                    $"The fabfile's setup failed in {type.FullName}'s static constructor: {cause.GetType().Name}: {cause.Message}{TaskFailureText.Location(cause)}",
                    cause);
            }
        }
    }
}
