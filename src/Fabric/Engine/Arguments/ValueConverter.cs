using System.Collections.Frozen;
using System.Globalization;
using System.Numerics;
using Fabric.Engine.Tasks;

namespace Fabric.Engine.Arguments;

/// <summary>Converts command-line text to a task parameter's type.</summary>
internal static class ValueConverter
{
    private delegate bool Converter(string text, out object? value, out string? error);

    private static readonly FrozenDictionary<Type, (string Name, Converter Convert)> Scalars =
        new Dictionary<Type, (string, Converter)>
        {
            [typeof(string)] = ("string", ConvertString),
            [typeof(bool)] = ("bool", ConvertBool),
            [typeof(sbyte)] = ("sbyte", ConvertInteger<sbyte>),
            [typeof(byte)] = ("byte", ConvertInteger<byte>),
            [typeof(short)] = ("short", ConvertInteger<short>),
            [typeof(ushort)] = ("ushort", ConvertInteger<ushort>),
            [typeof(int)] = ("int", ConvertInteger<int>),
            [typeof(uint)] = ("uint", ConvertInteger<uint>),
            [typeof(long)] = ("long", ConvertInteger<long>),
            [typeof(ulong)] = ("ulong", ConvertInteger<ulong>),
            [typeof(float)] = ("float", ConvertFloatingPoint<float>),
            [typeof(double)] = ("double", ConvertFloatingPoint<double>),
            [typeof(decimal)] = ("decimal", ConvertDecimal),
            [typeof(TimeSpan)] = ("TimeSpan", ConvertTimeSpan),
        }.ToFrozenDictionary();

    private static readonly FrozenSet<string> TrueWords =
        new[] { "true", "yes", "y", "1", "on" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> FalseWords =
        new[] { "false", "no", "n", "0", "off" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Duration units, longest suffix first so <c>ms</c> is not read as <c>m</c>.</summary>
    private static readonly (string Suffix, Func<double, TimeSpan> Make)[] Units =
    [
        ("ms", TimeSpan.FromMilliseconds),
        ("s", TimeSpan.FromSeconds),
        ("m", TimeSpan.FromMinutes),
        ("h", TimeSpan.FromHours),
        ("d", TimeSpan.FromDays),
    ];

    /// <summary>
    /// Supports string, bool (<c>true/false/yes/no/y/n/1/0/on/off</c>, case-insensitive), all integer types,
    /// float, double, decimal (invariant culture), enums (by name, case-insensitive, or number; a number that is
    /// not a defined value is an error), <c>TimeSpan</c> (<c>c</c> format, or <c>90s</c>/<c>5m</c>/<c>2h</c>/<c>1d</c>/<c>250ms</c>),
    /// <c>Nullable&lt;T&gt;</c> of these, and arrays of these written <c>a;b;c</c>.
    /// </summary>
    /// <returns>True and the value, or false and a short reason (<c>'abc' is not a whole number</c>).</returns>
    public static bool TryConvert(string text, Type type, out object? value, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(type);
        value = null;
        if (!IsSupported(type))
        {
            error = $"values of type {type.Name} cannot be given on the command line";
            return false;
        }

        if (type.IsArray)
        {
            return TryConvertArray(text, type.GetElementType()!, out value, out error);
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            // An empty value of a nullable parameter is null (deploy:timeout=).
            error = null;
            return text.Length == 0 || TryConvertScalar(text, underlying, out value, out error);
        }

        return TryConvertScalar(text, type, out value, out error);
    }

    /// <summary>
    /// Converts a value task code passes (<c>Execute(task, arguments: …)</c>): one of the type as it is, null for a
    /// reference or nullable type, a string as <see cref="TryConvert"/> does, a number to another numeric type.
    /// </summary>
    /// <returns>True and the value, or false and a short reason (<c>5000000000 (Int64) is not a value of type int</c>).</returns>
    public static bool TryConvertValue(object? given, Type type, out object? value, out string? error)
    {
        ArgumentNullException.ThrowIfNull(type);
        (value, error) = (given, null);
        if (given is null)
        {
            error = !type.IsValueType || Nullable.GetUnderlyingType(type) is not null ? null : $"null is not a value of type {DisplayName(type)}";
            return error is null;
        }

        if (type.IsInstanceOfType(given))
        {
            return true;
        }

        if (given is string text)
        {
            return TryConvert(text, type, out value, out error);
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        try
        {
            if (given is IConvertible && target.IsPrimitive)
            {
                value = System.Convert.ChangeType(given, target, CultureInfo.InvariantCulture);
                return true;
            }
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException)
        {
        }

        (value, error) = (null, $"{ValueFormatter.Format(given)} ({given.GetType().Name}) is not a value of type {DisplayName(type)}");
        return false;
    }

    /// <summary>True when <see cref="TryConvert"/> supports the type.</summary>
    public static bool IsSupported(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var element = type.IsArray && type.GetArrayRank() == 1 ? type.GetElementType()! : type;
        if (element.IsArray)
        {
            return false;
        }

        var scalar = Nullable.GetUnderlyingType(element) ?? element;
        return scalar.IsEnum || Scalars.ContainsKey(scalar);
    }

    /// <summary>A short human name for a supported type, for a task's description and messages (<c>int</c>, <c>string[]</c>, <c>bool?</c>).</summary>
    public static string DisplayName(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.IsArray && type.GetElementType() is { } element)
        {
            return DisplayName(element) + "[]";
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return DisplayName(underlying) + "?";
        }

        return Scalars.TryGetValue(type, out var scalar) ? scalar.Name : type.Name;
    }

    private static bool TryConvertArray(string text, Type elementType, out object? value, out string? error)
    {
        var items = text.Length == 0 ? [] : text.Split(';');
        var array = Array.CreateInstance(elementType, items.Length);
        for (var i = 0; i < items.Length; i++)
        {
            if (!TryConvert(items[i], elementType, out var item, out var itemError))
            {
                value = null;
                error = $"item {i + 1} of '{text}': {itemError}";
                return false;
            }

            array.SetValue(item, i);
        }

        value = array;
        error = null;
        return true;
    }

    private static bool TryConvertScalar(string text, Type type, out object? value, out string? error) =>
        type.IsEnum
            ? TryConvertEnum(text, type, out value, out error)
            : Scalars[type].Convert(text, out value, out error);

    private static bool ConvertString(string text, out object? value, out string? error)
    {
        (value, error) = (text, null);
        return true;
    }

    private static bool ConvertBool(string text, out object? value, out string? error)
    {
        var trimmed = text.Trim();
        (value, error) = TrueWords.Contains(trimmed) ? (true, null)
            : FalseWords.Contains(trimmed) ? (false, (string?)null)
            : ((object?)null, $"'{text}' is not a yes/no value (true/false, yes/no, y/n, 1/0, on/off)");
        return error is null;
    }

    private static bool ConvertInteger<T>(string text, out object? value, out string? error)
        where T : IBinaryInteger<T>, IMinMaxValue<T>
    {
        var trimmed = text.Trim();
        if (T.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            (value, error) = (number, null);
            return true;
        }

        value = null;
        error = BigInteger.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            ? string.Create(CultureInfo.InvariantCulture, $"'{text}' is out of range ({T.MinValue} to {T.MaxValue})")
            : $"'{text}' is not a whole number";
        return false;
    }

    private static bool ConvertFloatingPoint<T>(string text, out object? value, out string? error)
        where T : IFloatingPointIeee754<T>
    {
        var trimmed = text.Trim();
        if (!T.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            (value, error) = (null, $"'{text}' is not a number");
            return false;
        }

        // .NET reads a finite number too large for the type as infinity; only "Infinity" itself means that.
        if (T.IsInfinity(number) && !trimmed.Contains("infinity", StringComparison.OrdinalIgnoreCase))
        {
            (value, error) = (null, $"'{text}' is out of range");
            return false;
        }

        (value, error) = (number, null);
        return true;
    }

    private static bool ConvertDecimal(string text, out object? value, out string? error)
    {
        var ok = decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number);
        (value, error) = ok ? (number, null) : ((object?)null, $"'{text}' is not a number");
        return ok;
    }

    private static bool ConvertTimeSpan(string text, out object? value, out string? error)
    {
        var trimmed = text.Trim();
        value = null;
        error = $"'{text}' is not a duration (hh:mm:ss, d.hh:mm:ss, or a number with ms, s, m, h or d: 250ms, 90s, 5m, 2h, 1d)";

        // The "c" format alone would read a bare number as days; a duration without a unit must have a colon.
        if (trimmed.Contains(':', StringComparison.Ordinal))
        {
            if (TimeSpan.TryParseExact(trimmed, "c", CultureInfo.InvariantCulture, out var span))
            {
                (value, error) = (span, null);
                return true;
            }

            return false;
        }

        foreach (var (suffix, make) in Units)
        {
            if (trimmed.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(trimmed[..^suffix.Length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                try
                {
                    (value, error) = (make(amount), null);
                    return true;
                }
                catch (OverflowException)
                {
                    error = $"'{text}' is out of range";
                    return false;
                }
            }
        }

        return false;
    }

    private static bool TryConvertEnum(string text, Type type, out object? value, out string? error)
    {
        var trimmed = text.Trim();
        value = null;
        error = $"'{text}' is not one of {string.Join(", ", Enum.GetNames(type))}";
        if (trimmed.Length > 0 && (char.IsAsciiDigit(trimmed[0]) || trimmed[0] is '-' or '+'))
        {
            if (Enum.TryParse(type, trimmed, out var number) && Enum.IsDefined(type, number))
            {
                (value, error) = (number, null);
                return true;
            }

            return false;
        }

        // By name, case-insensitive, ignoring '-' and '_' like task and parameter names (dry-run → DryRun).
        var wanted = TaskNames.Normalize(trimmed);
        var name = Enum.GetNames(type).FirstOrDefault(name => TaskNames.Normalize(name) == wanted);
        if (name is null)
        {
            return false;
        }

        (value, error) = (Enum.Parse(type, name), null);
        return true;
    }
}
