using System.Reflection;

namespace Fabric.Engine.Tasks;

/// <summary>
/// A plain method (a method group, a local function, a lambda) run on hosts through <c>Execute(Action)</c> or, with
/// arguments, <c>Execute(Delegate, arguments:)</c>, as Fabric's <c>execute(some_function, *args)</c>: a task of its own for this call, named after the method, with the method's
/// <c>[Hosts]</c>, <c>[Roles]</c>, <c>[Parallel]</c>, <c>[Serial]</c> and <c>[RunsOnce]</c>.
/// </summary>
internal static class DelegateTask
{
    /// <summary>
    /// The task that calls <paramref name="function"/> (its <c>Invoke</c>, so that closures and bound targets work), named
    /// <paramref name="name"/> (a task's name in the fabfile), else after the method.
    /// </summary>
    public static TaskDefinition Of(Delegate function, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        var invoke = function.GetType().GetMethod(nameof(Action.Invoke))!;
        var definition = TaskDiscovery.Define(function.Method, name ?? NameOf(function.Method));
        return definition with
        {
            Method = invoke,
            Target = function,
            // The delegate's own parameters (a method group's are the method's; a closure's method may have a hidden one).
            Parameters = invoke.GetParameters().Length == definition.Parameters.Count ? definition.Parameters : [],
        };
    }

    /// <summary>
    /// The method's name in kebab-case; a local function by its own name (<c>&lt;Deploy&gt;g__Restart|0_0</c> → <c>restart</c>), a lambda
    /// by where it was written (<c>&lt;Deploy&gt;b__0_0</c> → <c>lambda in deploy</c>).
    /// </summary>
    public static string NameOf(MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(method);
        var name = method.Name;
        var local = name.IndexOf(">g__", StringComparison.Ordinal);
        if (local >= 0)
        {
            var end = name.IndexOf('|', local);
            return TaskNames.ToKebabCase(end < 0 ? name[(local + 4)..] : name[(local + 4)..end]);
        }

        var close = name.IndexOf('>', StringComparison.Ordinal);
        return name.StartsWith('<') && close > 1
            ? "lambda in " + TaskNames.ToKebabCase(name[1..close])
            : TaskNames.ToKebabCase(name);
    }
}
