namespace Fabric.Engine.Hosts;

/// <summary>Everything a task's host list is built from.</summary>
/// <param name="CommandLine">Per-task command-line hosts and roles (<c>task:hosts=a;b,roles=r</c>).</param>
/// <param name="Attribute">The task's <c>[Hosts]</c>/<c>[Roles]</c> (or its class's).</param>
/// <param name="Env"><c>Env.Hosts</c>/<c>Env.Roles</c> at the time the task is about to run.</param>
/// <param name="GlobalExcludes"><c>Env.ExcludeHosts</c>: removed from every task's list.</param>
/// <param name="TaskExcludes"><c>task:exclude_hosts=a;b</c>: removed from this task's list.</param>
internal sealed record HostListInputs(
    HostSelection CommandLine,
    HostSelection Attribute,
    HostSelection Env,
    IReadOnlyList<string> GlobalExcludes,
    IReadOnlyList<string> TaskExcludes);
