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
    IReadOnlyList<string> Excludes)
{
    /// <summary>
    /// The task's host list as it would be built now (SPEC §6): from its command-line hosts, its attributes, and
    /// <paramref name="env"/>'s hosts, roles and exclusions as they are at this moment.
    /// </summary>
    public HostList BuildHostList(EnvState env)
    {
        ArgumentNullException.ThrowIfNull(env);
        return HostListBuilder.Build(
            new HostListInputs(
                CommandLineHosts,
                new HostSelection(Task.Hosts, Task.Roles),
                new HostSelection([.. env.Hosts], [.. env.Roles]),
                [.. env.ExcludeHosts],
                Excludes),
            env.RoleDefs);
    }
}
