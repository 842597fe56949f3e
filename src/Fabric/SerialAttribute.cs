namespace Fabric;

/// <summary>
/// Runs the task on its hosts one after another even when <c>-P/--parallel</c> asks for parallel runs
/// (as Fabric 1.x's <c>@serial</c>). <see cref="ParallelAttribute"/> on the same task wins.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class SerialAttribute : Attribute
{
}
