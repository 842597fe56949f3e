namespace Fabric;

/// <summary>
/// Runs the task once per run, whatever its hosts (as Fabric 1.x's <c>@runs_once</c>): on the first host of its
/// list, or locally when it has none. Its result is remembered: later runs of it (another host, the task named
/// again on the command line, or <see cref="Api.Execute(string, IEnumerable{string}?, IEnumerable{string}?, IEnumerable{string}?, IReadOnlyList{object?}?)"/>)
/// do not run it again and give that result. Implies <see cref="SerialAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class RunsOnceAttribute : Attribute
{
}
