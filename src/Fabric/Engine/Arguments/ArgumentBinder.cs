using System.Globalization;
using Fabric.Engine.Tasks;

namespace Fabric.Engine.Arguments;

/// <summary>Binds a task's command-line values to its method's parameters.</summary>
internal sealed class ArgumentBinder
{
    private readonly TaskDefinition _task;
    private readonly IReadOnlyList<TaskParameter> _parameters;
    private readonly object?[] _values;
    private readonly string?[] _givenBy;
    private readonly List<string> _problems = [];

    private ArgumentBinder(TaskDefinition task)
    {
        _task = task;
        _parameters = task.Parameters;
        _values = new object?[_parameters.Count];
        _givenBy = new string?[_parameters.Count];
    }

    /// <summary>
    /// Binds named values by parameter name (case-insensitive, <c>-</c> and <c>_</c> ignored) and positional
    /// values by position, converts each with <see cref="ValueConverter"/>, and fills missing optional
    /// parameters with their defaults. A last <c>params T[]</c> parameter takes every positional value left over, as
    /// Python's <c>*args</c> does (<c>task:a,b</c>; each may also be <c>;</c>-separated), and none is an empty array.
    /// Returns the argument array for <c>MethodInfo.Invoke</c>.
    /// Every problem of the invocation (unknown parameter, a value given twice, too many positional values,
    /// missing required one, bad conversion) is collected; if there are any, throws one
    /// <see cref="FabricUsageException"/> whose message names the task and lists them.
    /// </summary>
    public static object?[] Bind(TaskDefinition task, IReadOnlyList<string> positional, IReadOnlyList<KeyValuePair<string, string>> named)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(positional);
        ArgumentNullException.ThrowIfNull(named);
        var binder = new ArgumentBinder(task);
        binder.BindPositional(positional);
        binder.BindNamed(named);
        binder.FillMissing();
        return binder._problems.Count == 0
            ? binder._values
            : throw new FabricUsageException($"Task '{task.Name}': {string.Join("; ", binder._problems)}.");
    }

    private void BindPositional(IReadOnlyList<string> positional)
    {
        var rest = _parameters.Count > 0 && _parameters[^1].IsParams ? _parameters.Count - 1 : -1;
        var fixedCount = rest >= 0 ? rest : _parameters.Count;
        for (var i = 0; i < Math.Min(positional.Count, fixedCount); i++)
        {
            Assign(i, positional[i], "by position");
        }

        if (rest >= 0 && positional.Count > fixedCount)
        {
            AssignRest(rest, positional.Skip(fixedCount).ToList());
        }
        else if (positional.Count > _parameters.Count)
        {
            _problems.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"too many positional values: {positional.Count} given, the task takes {Takes(_parameters)}"));
        }
    }

    private void BindNamed(IReadOnlyList<KeyValuePair<string, string>> named)
    {
        foreach (var (name, text) in named)
        {
            var index = IndexOf(_parameters, name);
            if (index < 0)
            {
                _problems.Add(Unknown(name, _parameters));
            }
            else
            {
                Assign(index, text, "by name");
            }
        }
    }

    private void FillMissing()
    {
        for (var i = 0; i < _parameters.Count; i++)
        {
            var parameter = _parameters[i];
            if (_givenBy[i] is not null)
            {
                continue;
            }

            if (parameter.IsParams)
            {
                _values[i] = Array.CreateInstance(parameter.Type.GetElementType()!, 0);
            }
            else if (parameter.IsOptional)
            {
                _values[i] = parameter.DefaultValue;
            }
            else
            {
                _problems.Add($"missing required parameter '{parameter.Name}' ({ValueConverter.DisplayName(parameter.Type)})" + WhyNotByName(parameter.Name));
            }
        }
    }

    private void Assign(int index, string text, string how)
    {
        if (Taken(index, how))
        {
            return;
        }

        if (ValueConverter.TryConvert(text, _parameters[index].Type, out var value, out var error))
        {
            _values[index] = value;
        }
        else
        {
            _problems.Add($"parameter '{_parameters[index].Name}': {error}");
        }
    }

    /// <summary>The positional values left over, into a <c>params</c> array: each item (values may be <c>;</c>-lists too) converted to its element type.</summary>
    private void AssignRest(int index, List<string> texts)
    {
        if (Taken(index, "by position"))
        {
            return;
        }

        var parameter = _parameters[index];
        var elementType = parameter.Type.GetElementType()!;
        var items = new List<object?>();
        foreach (var item in texts.SelectMany(t => t.Length == 0 ? [] : t.Split(';')))
        {
            if (ValueConverter.TryConvert(item, elementType, out var value, out var error))
            {
                items.Add(value);
            }
            else
            {
                _problems.Add($"parameter '{parameter.Name}': {error}");
            }
        }

        var array = Array.CreateInstance(elementType, items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            array.SetValue(items[i], i);
        }

        _values[index] = array;
    }

    /// <summary>True (and a problem noted) when the parameter already has a value; else marks it given <paramref name="how"/>.</summary>
    private bool Taken(int index, string how)
    {
        if (_givenBy[index] is not { } earlier)
        {
            _givenBy[index] = how;
            return false;
        }

        var name = _parameters[index].Name;
        _problems.Add(earlier == how
            ? $"parameter '{name}' is given twice {how}"
            : $"parameter '{name}' is given twice ({earlier} and {how})");
        return true;
    }

    /// <summary>
    /// For a parameter named like a host-selection argument: <c>roles=…</c> on the command line chooses the task's hosts
    /// (as in Fabric), so it never reaches the parameter. Say so, and how to pass it.
    /// </summary>
    private static string WhyNotByName(string name) =>
        TaskHostArguments.IsHostArgument(name)
            ? $": '{name}=…' on the command line chooses the hosts the task runs on (host, hosts, role, roles and exclude_hosts do, as in Fabric), so it cannot be passed by name; pass it by position or rename the parameter"
            : "";

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
