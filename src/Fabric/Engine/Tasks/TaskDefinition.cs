using System.Reflection;

namespace Fabric.Engine.Tasks;

/// <summary>A task of the task table: a method of the fabfile and what its attributes say about it.</summary>
/// <param name="Name">The full name the command line uses (<c>deploy-web</c>, <c>db.migrate</c>).</param>
/// <param name="Aliases">Further full names that answer to it (group default, <c>Aliases</c>).</param>
/// <param name="Description">One line for the task list, or null.</param>
/// <param name="Method">The method to invoke.</param>
/// <param name="Parameters">The method's parameters.</param>
/// <param name="Hosts">Hosts of its <c>[Hosts]</c> (or its class's), as written.</param>
/// <param name="Roles">Roles of its <c>[Roles]</c> (or its class's), as written.</param>
public sealed record TaskDefinition(
    string Name,
    IReadOnlyList<string> Aliases,
    string? Description,
    MethodInfo Method,
    IReadOnlyList<TaskParameter> Parameters,
    IReadOnlyList<string> Hosts,
    IReadOnlyList<string> Roles)
{
    /// <summary>True when <see cref="Hosts"/>/<see cref="Roles"/> come from the class's attributes rather than the method's.</summary>
    public bool HostsFromClass { get; init; }

    /// <summary>Its <c>[Parallel]</c>, <c>[Serial]</c> and <c>[RunsOnce]</c>.</summary>
    public TaskConcurrency Concurrency { get; init; } = TaskConcurrency.Default;

    /// <summary>The object <see cref="Method"/> is called on when it is not static; null: the runner's one instance of its class.</summary>
    public object? Target { get; init; }

    /// <summary><c>Class.Method</c>, for messages that must point at the code.</summary>
    public string MethodDisplayName => $"{Method.DeclaringType?.FullName}.{Method.Name}";

    /// <summary>Creates a definition of a method with its parameters read by reflection and no attributes.</summary>
    public static TaskDefinition ForMethod(string name, MethodInfo method) =>
        new(name, [], null, method, ReadParameters(method), [], []);

    /// <summary>The method's parameters as the binder sees them.</summary>
    public static IReadOnlyList<TaskParameter> ReadParameters(MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return [.. method.GetParameters().Select(p => new TaskParameter(
            p.Name ?? $"arg{p.Position}",
            p.ParameterType,
            p.HasDefaultValue,
            p.HasDefaultValue ? DefaultOf(p) : null,
            p.ParameterType.IsArray && p.IsDefined(typeof(ParamArrayAttribute), false)))];
    }

    /// <summary>
    /// The declared default in the parameter's own type: reflection reports an enum's default as its number
    /// and <c>= default</c> of a struct as null.
    /// </summary>
    private static object? DefaultOf(ParameterInfo parameter)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        return parameter.DefaultValue switch
        {
            null when parameter.ParameterType.IsValueType && Nullable.GetUnderlyingType(parameter.ParameterType) is null => Activator.CreateInstance(parameter.ParameterType),
            { } number when type.IsEnum && number.GetType() != type => Enum.ToObject(type, number),
            var value => value,
        };
    }
}
