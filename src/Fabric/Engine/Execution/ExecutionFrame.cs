using Fabric.Engine.Hosts;

namespace Fabric.Engine.Execution;

/// <summary>One run of one task on one host (or on none): what <c>Env.HostString</c> and friends describe.</summary>
/// <param name="TaskName">The task being run.</param>
/// <param name="Host">The host, or null for a local-only task.</param>
/// <param name="User">The user to connect as (the host string's, else <c>Env.User</c> when the run started), before <c>~/.ssh/config</c> is applied: <c>Env.User</c> in the task applies it.</param>
/// <param name="Port">The port to connect to (the host string's, else <c>Env.Port</c> when the run started), before <c>~/.ssh/config</c> is applied.</param>
internal sealed record ExecutionFrame(string TaskName, HostString? Host, string User, int Port)
{
    /// <summary>True when this execution runs alongside others (a parallel task, or called from one): output only in whole lines.</summary>
    public bool Linewise { get; init; }

    /// <summary>The user and port assigned with <c>Env.User</c>/<c>Env.Port</c> during this execution (or inherited from the one that ran it).</summary>
    public ExecutionLogin Login { get; init; } = new();
}
