using System.Collections;
using System.Reflection;

namespace Fabric.Engine.Templates;

/// <summary>
/// A template's context as the engine takes it: an anonymous object, a record or class (its public properties and fields),
/// or a dictionary with string keys; <c>Env</c> gives its properties and its <c>Env["k"]</c> values. Also which names it
/// gives, so that a template reading any other is refused before anything is written.
/// </summary>
internal sealed record TemplateModel(object Value, IReadOnlySet<string> Names, bool NamesIgnoreCase)
{
    /// <summary>The model for <paramref name="context"/>; null gives nothing.</summary>
    public static TemplateModel Of(object? context)
    {
        switch (context)
        {
            case null:
                return new TemplateModel(new Dictionary<string, object?>(StringComparer.Ordinal), new HashSet<string>(), false);
            case FabricEnv env:
                var values = EnvValues(env);
                return new TemplateModel(values, values.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase), true);
            case IDictionary dictionary:
                return new TemplateModel(context, dictionary.Keys.Cast<object>().Select(k => k.ToString() ?? "").ToHashSet(StringComparer.Ordinal), false);
            case string or ValueType:
                throw new ArgumentException(
                    $"A template's context is an object or a dictionary of values (new {{ port = 80 }}), not a {context.GetType().Name}.", nameof(context));
        }

        if (Pairs(context) is { } pairs)
        {
            return new TemplateModel(pairs, pairs.Keys.ToHashSet(StringComparer.Ordinal), false);
        }

        var type = context.GetType();
        var names = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).Select(p => p.Name)
            .Concat(type.GetFields(BindingFlags.Public | BindingFlags.Instance).Select(f => f.Name));
        return new TemplateModel(context, names.ToHashSet(StringComparer.OrdinalIgnoreCase), true);
    }

    /// <summary>
    /// A copy of a read-only dictionary that is not an <see cref="IDictionary"/> (any <c>IEnumerable&lt;KeyValuePair&lt;string, T&gt;&gt;</c>),
    /// which the engine would otherwise take as an object with properties; null for anything else.
    /// </summary>
    private static Dictionary<string, object?>? Pairs(object context)
    {
        var pairs = context.GetType().GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            && i.GetGenericArguments()[0] is { IsGenericType: true } item && item.GetGenericTypeDefinition() == typeof(KeyValuePair<,>)
            && item.GetGenericArguments()[0] == typeof(string));
        if (pairs is null)
        {
            return null;
        }

        var type = pairs.GetGenericArguments()[0];
        var (key, value) = (type.GetProperty("Key")!, type.GetProperty("Value")!);
        return ((IEnumerable)context).Cast<object>().ToDictionary(pair => (string)key.GetValue(pair)!, value.GetValue, StringComparer.Ordinal);
    }

    /// <summary><c>Env</c>'s simple properties (<c>Host</c>, <c>User</c>, <c>Port</c>, …; not the sudo password) under their own names, then its <c>Env["k"]</c> values.</summary>
    private static Dictionary<string, object?> EnvValues(FabricEnv env)
    {
        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in typeof(FabricEnv).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && property.Name != nameof(FabricEnv.SudoPassword) && (property.PropertyType == typeof(string) || property.PropertyType.IsValueType
                || Nullable.GetUnderlyingType(property.PropertyType) is not null))
            {
                values[property.Name] = property.GetValue(env);
            }
        }

        foreach (var (key, value) in Execution.Ambient.Context.Env.Values)
        {
            values[key] = value;
        }

        return values;
    }
}
