using System.Globalization;
using Fabric.Engine.Tasks;

namespace Fabric.Engine.Arguments;

/// <summary>
/// Binds the arguments that task code passes to <c>Api.Execute</c> to the called task's parameters, by position:
/// values of the parameter's type as they are, strings converted as on the command line, numbers converted between
/// numeric types, missing optional parameters their default.
/// </summary>
internal static class ExecuteArguments
{
    /// <exception cref="AbortException">Too many arguments, a missing required one, or one that does not convert.</exception>
    public static IReadOnlyList<object?> Bind(TaskDefinition task, IReadOnlyList<object?> given)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(given);
        var parameters = task.Parameters;
        if (given.Count > parameters.Count)
        {
            throw new AbortException($"Execute: task '{task.Name}' takes {parameters.Count} argument(s), {given.Count} given.");
        }

        var bound = new object?[parameters.Count];
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i];
            bound[i] = i < given.Count
                ? Convert(task, parameter, given[i])
                : parameter.IsParams ? Array.CreateInstance(parameter.Type.GetElementType()!, 0)
                : parameter.IsOptional ? parameter.DefaultValue : throw new AbortException($"Execute: task '{task.Name}' needs a value for '{parameter.Name}'.");
        }

        return bound;
    }

    private static object? Convert(TaskDefinition task, TaskParameter parameter, object? value)
    {
        var type = parameter.Type;
        if (value is null)
        {
            return !type.IsValueType || Nullable.GetUnderlyingType(type) is not null
                ? null
                : throw new AbortException($"Execute: '{parameter.Name}' of task '{task.Name}' cannot be null.");
        }

        if (type.IsInstanceOfType(value))
        {
            return value;
        }

        if (value is string text)
        {
            return ValueConverter.TryConvert(text, type, out var converted, out var error)
                ? converted
                : throw new AbortException($"Execute: '{parameter.Name}' of task '{task.Name}': {error}.");
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        try
        {
            return value is IConvertible && target.IsPrimitive ? System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture) : throw new InvalidCastException();
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException)
        {
            throw new AbortException($"Execute: '{parameter.Name}' of task '{task.Name}' is a {ValueConverter.DisplayName(type)}, not a {value.GetType().Name}.", e);
        }
    }
}
