using System.Globalization;
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
    public static object?[] Bind(TaskDefinition task, IReadOnlyList<string> positional, IReadOnlyList<KeyValuePair<string, string>> named)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(positional);
        ArgumentNullException.ThrowIfNull(named);

        var parameters = task.Parameters;
        var values = new object?[parameters.Count];
        var givenBy = new string?[parameters.Count];
        var problems = new List<string>();

        void Assign(int index, string text, string how)
        {
            var parameter = parameters[index];
            if (givenBy[index] is { } earlier)
            {
                problems.Add(earlier == how
                    ? $"parameter '{parameter.Name}' is given twice {how}"
                    : $"parameter '{parameter.Name}' is given twice ({earlier} and {how})");
                return;
            }

            givenBy[index] = how;
            if (ValueConverter.TryConvert(text, parameter.Type, out var value, out var error))
            {
                values[index] = value;
            }
            else
            {
                problems.Add($"parameter '{parameter.Name}': {error}");
            }
        }

        for (var i = 0; i < Math.Min(positional.Count, parameters.Count); i++)
        {
            Assign(i, positional[i], "by position");
        }

        if (positional.Count > parameters.Count)
        {
            problems.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"too many positional values: {positional.Count} given, the task takes {Takes(parameters)}"));
        }

        foreach (var (name, text) in named)
        {
            var index = IndexOf(parameters, name);
            if (index < 0)
            {
                problems.Add(Unknown(name, parameters));
            }
            else
            {
                Assign(index, text, "by name");
            }
        }

        for (var i = 0; i < parameters.Count; i++)
        {
            if (givenBy[i] is not null)
            {
                continue;
            }

            if (parameters[i].IsOptional)
            {
                values[i] = parameters[i].DefaultValue;
            }
            else
            {
                problems.Add($"missing required parameter '{parameters[i].Name}' ({ValueConverter.DisplayName(parameters[i].Type)})");
            }
        }

        return problems.Count == 0
            ? values
            : throw new FabricUsageException($"Task '{task.Name}': {string.Join("; ", problems)}.");
    }

    private static int IndexOf(IReadOnlyList<TaskParameter> parameters, string name)
    {
        var wanted = TaskNames.Normalize(name);
        for (var i = 0; i < parameters.Count; i++)
        {
            if (TaskNames.Normalize(parameters[i].Name) == wanted)
            {
                return i;
            }
        }

        return -1;
    }

    private static string Unknown(string name, IReadOnlyList<TaskParameter> parameters)
    {
        if (parameters.Count == 0)
        {
            return $"unknown parameter '{name}' (the task takes no parameters)";
        }

        var names = parameters.Select(parameter => parameter.Name).ToList();
        var closest = NameSuggestions.Closest(name, names);
        var hint = closest.Count > 0 ? $"did you mean '{closest[0]}'? " : string.Empty;
        return $"unknown parameter '{name}' ({hint}parameters: {string.Join(", ", names)})";
    }

    private static string Takes(IReadOnlyList<TaskParameter> parameters) =>
        parameters.Count == 0
            ? "none"
            : string.Create(CultureInfo.InvariantCulture, $"{parameters.Count} ({string.Join(", ", parameters.Select(parameter => parameter.Name))})");
}
