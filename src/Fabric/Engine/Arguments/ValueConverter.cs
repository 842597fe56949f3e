namespace Fabric.Engine.Arguments;

/// <summary>Converts command-line text to a task parameter's type (SPEC §7).</summary>
internal static class ValueConverter
{
    /// <summary>
    /// Supports string, bool (<c>true/false/yes/no/y/n/1/0/on/off</c>, case-insensitive), all integer types,
    /// float, double, decimal (invariant culture), enums (by name, case-insensitive, or number; a number that is
    /// not a defined value is an error), <c>TimeSpan</c> (<c>c</c> format, or <c>90s</c>/<c>5m</c>/<c>2h</c>/<c>1d</c>/<c>250ms</c>),
    /// <c>Nullable&lt;T&gt;</c> of these, and arrays of these written <c>a;b;c</c>.
    /// </summary>
    /// <returns>True and the value, or false and a short reason (<c>'abc' is not a whole number</c>).</returns>
    public static bool TryConvert(string text, Type type, out object? value, out string? error) =>
        throw new NotImplementedException();

    /// <summary>True when <see cref="TryConvert"/> supports the type.</summary>
    public static bool IsSupported(Type type) => throw new NotImplementedException();

    /// <summary>A short human name for a supported type, for <c>--display</c> and messages (<c>int</c>, <c>string[]</c>, <c>bool?</c>).</summary>
    public static string DisplayName(Type type) => throw new NotImplementedException();
}
