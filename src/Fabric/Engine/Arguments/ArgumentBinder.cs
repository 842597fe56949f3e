using System.Globalization;
using Fabric.Engine.Tasks;

namespace Fabric.Engine.Arguments;

/// <summary>
/// Binds values to a task's parameters: the one place that maps names and positions to parameters, converts values
/// with <see cref="ValueConverter"/>, and words what is wrong (unknown, given twice, too many, missing, a bad value),
/// for a task named with arguments (<c>task:a,key=value</c>) and for <c>Execute(task, arguments: …)</c> alike.
/// </summary>
internal sealed class ArgumentBinder
{
    private readonly TaskDefinition _task;
    private readonly IReadOnlyList<TaskParameter> _parameters;
    private readonly bool _commandLine;
    private readonly object?[] _values;
    private readonly string?[] _givenBy;
    private readonly List<string> _problems = [];

    private ArgumentBinder(TaskDefinition task, bool commandLine)
    {
        _task = task;
        _parameters = task.Parameters;
        _commandLine = commandLine;
        _values = new object?[_parameters.Count];
        _givenBy = new string?[_parameters.Count];
    }

    /// <summary>
    /// Binds command-line values: named ones by parameter name (case-insensitive, <c>-</c> and <c>_</c> ignored) and
    /// positional ones by position, converts each with <see cref="ValueConverter"/>, and fills missing optional
    /// parameters with their defaults. A last <c>params T[]</c> parameter takes every positional value left over, as
    /// Python's <c>*args</c> does (<c>task:a,b</c>; each may also be <c>;</c>-separated), and none is an empty array.
    /// Returns the argument array for <c>MethodInfo.Invoke</c>.
    /// Every problem of the invocation (unknown parameter, a value given twice, too many positional values,
    /// missing required one, bad conversion) is collected; if there are any, throws one
    /// <see cref="FabricUsageException"/> whose message (<see cref="Message"/>) names the task and lists them.
    /// </summary>
    public static object?[] Bind(TaskDefinition task, IReadOnlyList<string> positional, IReadOnlyList<KeyValuePair<string, string>> named)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(positional);
        ArgumentNullException.ThrowIfNull(named);
        var binder = new ArgumentBinder(task, commandLine: true);
        binder.BindPositional([.. positional]);
        binder.BindNamed(named);
        binder.FillMissing();
        return binder._problems.Count == 0 ? binder._values : throw new FabricUsageException(binder.Message());
    }

    /// <summary>
    /// Binds the arguments task code passes to <c>Api.Execute</c>, by position, by the same rules as <see cref="Bind"/>:
    /// values of the parameter's type as they are, strings converted as on the command line, numbers converted between
    /// numeric types (<see cref="ValueConverter.TryConvertValue"/>); values after the fixed parameters go into a last
    /// <c>params</c> array (one array of its type is taken as it is). Problems read as on the command line, after
    /// <c>Execute: </c>, in one <see cref="AbortException"/>.
    /// </summary>
    public static object?[] BindExecute(TaskDefinition task, IReadOnlyList<object?> positional)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(positional);
        var binder = new ArgumentBinder(task, commandLine: false);
        binder.BindPositional(positional);
        binder.FillMissing();
        return binder._problems.Count == 0 ? binder._values : throw new AbortException("Execute: " + binder.Message());
    }

    /// <summary>The one message for every problem of an invocation: <c>Task 'deploy': problem; problem.</c></summary>
    private string Message() => $"Task '{_task.Name}': {string.Join("; ", _problems)}.";

    private void BindPositional(IReadOnlyList<object?> positional)
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
                _problems.Add($"missing required parameter '{parameter.Name}' ({ValueConverter.DisplayName(parameter.Type)})" + (_commandLine ? WhyNotByName(parameter.Name) : ""));
            }
        }
    }

    private void Assign(int index, object? given, string how)
    {
        if (Taken(index, how))
        {
            return;
        }

        if (Convert(given, _parameters[index].Type, out var value, out var error))
        {
            _values[index] = value;
        }
        else
        {
            _problems.Add($"parameter '{_parameters[index].Name}': {error}");
        }
    }

    /// <summary>
    /// The positional values left over, into a <c>params</c> array: each item (a string may be a <c>;</c>-list too)
    /// converted to its element type; from Execute, one value that already is such an array (or null) is taken as it is.
    /// </summary>
    private void AssignRest(int index, List<object?> given)
    {
        if (Taken(index, "by position"))
        {
            return;
        }

        var parameter = _parameters[index];
        if (!_commandLine && given is [var single] && (single is null || parameter.Type.IsInstanceOfType(single)))
        {
            _values[index] = single;
            return;
        }

        var elementType = parameter.Type.GetElementType()!;
        var items = new List<object?>();
        foreach (var item in given.SelectMany(g => g is string text ? text.Length == 0 ? [] : text.Split(';') : new[] { g }))
        {
            if (Convert(item, elementType, out var value, out var error))
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

    /// <summary>Command-line text converts by <see cref="ValueConverter.TryConvert"/>; Execute's values by <see cref="ValueConverter.TryConvertValue"/>.</summary>
    private bool Convert(object? given, Type type, out object? value, out string? error) =>
        _commandLine
            ? ValueConverter.TryConvert((string)given!, type, out value, out error)
            : ValueConverter.TryConvertValue(given, type, out value, out error);

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
