using Fabric.Engine.Hosts;
using Fabric.Engine.Tasks;

namespace Fabric.Engine.Execution;

/// <summary>One task of the command line, checked and bound, ready to run.</summary>
/// <param name="Task">The task.</param>
/// <param name="Arguments">Its method's arguments, converted.</param>
/// <param name="CommandLineHosts">Per-task hosts and roles from the command line (<c>task:hosts=…</c>).</param>
/// <param name="Excludes">Per-task exclusions (<c>task:exclude_hosts=…</c>).</param>
internal sealed record PlannedTask(
    TaskDefinition Task,
    IReadOnlyList<object?> Arguments,
    HostSelection CommandLineHosts,
    IReadOnlyList<string> Excludes);
