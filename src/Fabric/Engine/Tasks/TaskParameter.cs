namespace Fabric.Engine.Tasks;

/// <summary>One parameter of a task method, as the binder and a task's description see it.</summary>
/// <param name="Name">The parameter's name as declared.</param>
/// <param name="Type">Its type.</param>
/// <param name="IsOptional">True when it has a default value (then omitted is fine).</param>
/// <param name="DefaultValue">The default value, when optional.</param>
/// <param name="IsParams">True for a <c>params T[]</c> parameter: it takes the positional values left over, and none is an empty array.</param>
internal sealed record TaskParameter(string Name, Type Type, bool IsOptional, object? DefaultValue, bool IsParams = false);
