using Fabric.Engine.Tasks;

namespace Fabric.Engine.Arguments;

/// <summary>Binds a task's command-line values to its method's parameters (SPEC §7).</summary>
internal static class ArgumentBinder
{
    /// <summary>
    /// Binds named values by parameter name (case-insensitive, <c>-</c> and <c>_</c> ignored) and positional
    /// values by position, converts each with <see cref="ValueConverter"/>, and fills missing optional
    /// parameters with their defaults. Returns the argument array for <c>MethodInfo.Invoke</c>.
    /// Every problem of the invocation (unknown parameter, a value given twice, too many positional values,
    /// missing required one, bad conversion) is collected; if there are any, throws one
    /// <see cref="FabricUsageException"/> whose message names the task and lists them.
    /// </summary>
    public static object?[] Bind(TaskDefinition task, IReadOnlyList<string> positional, IReadOnlyList<KeyValuePair<string, string>> named) =>
        throw new NotImplementedException();
}
