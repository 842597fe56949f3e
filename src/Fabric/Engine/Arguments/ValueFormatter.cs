using System.Globalization;

namespace Fabric.Engine.Arguments;

/// <summary>
/// Shows a task argument or default for people (a task's description, the dry run, messages about values): <c>null</c>,
/// strings in double quotes, <c>true</c>/<c>false</c>, numbers, durations and dates in the invariant culture, enums by
/// name, arrays as <c>[a, b]</c>. The one place that decides how a value reads, so every listing shows it alike.
/// </summary>
public static class ValueFormatter
{
    /// <summary><paramref name="value"/> as a listing shows it.</summary>
    public static string Format(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        bool b => b ? "true" : "false",
        Array a => "[" + string.Join(", ", a.Cast<object?>().Select(Format)) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
