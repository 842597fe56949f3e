namespace Fabric.Engine.Hosts;

/// <summary>Which source a task's host list came from, in order of precedence.</summary>
public enum HostListSource
{
    /// <summary>Per-task command-line arguments: <c>task:hosts=a;b</c>, <c>task:roles=r</c>.</summary>
    CommandLine,

    /// <summary>The method's (or its class's) <c>[Hosts]</c>/<c>[Roles]</c>.</summary>
    Attribute,

    /// <summary><c>Env.Hosts</c>/<c>Env.Roles</c> as they were when the task was about to run.</summary>
    Env,

    /// <summary>No source named any host or role: the task is local-only and runs once.</summary>
    None,
}
