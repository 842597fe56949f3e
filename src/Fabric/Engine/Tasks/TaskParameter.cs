namespace Fabric.Engine.Tasks;

/// <summary>One parameter of a task method, as the binder and a task's description see it.</summary>
/// <param name="Name">The parameter's name as declared.</param>
/// <param name="Type">Its type.</param>
/// <param name="IsOptional">True when it has a default value (then omitted is fine).</param>
/// <param name="DefaultValue">The default value, when optional.</param>
/// <param name="IsParams">True for a <c>params T[]</c> parameter: it takes the positional values left over, and none is an empty array.</param>
public sealed record TaskParameter(string Name, Type Type, bool IsOptional, object? DefaultValue, bool IsParams = false)
{
    /// <summary>The name a task argument gives it by (<c>task:name=value</c>): kebab-case.</summary>
    public string ArgumentName => TaskNames.ToKebabCase(Name);

    /// <summary>Its type as a listing names it (<c>int</c>, <c>string[]</c>, …); null when no task argument can give it a value.</summary>
    public string? ValueTypeName => Arguments.ValueConverter.IsSupported(Type) ? Arguments.ValueConverter.DisplayName(Type) : null;
}
