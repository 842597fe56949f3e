using Fabric.Engine.Hosts;
using Fabric.Engine.Tasks;

namespace Fabric.Engine.Execution;

/// <summary>One task of the command line, checked and bound, ready to run.</summary>
/// <param name="Task">The task.</param>
/// <param name="Arguments">Its method's arguments, converted.</param>
/// <param name="CommandLineHosts">Per-task hosts and roles from the command line (<c>task:hosts=…</c>).</param>
/// <param name="Excludes">Per-task exclusions (<c>task:exclude_hosts=…</c>).</param>
public sealed record PlannedTask(
    TaskDefinition Task,
    IReadOnlyList<object?> Arguments,
    HostSelection CommandLineHosts,
    IReadOnlyList<string> Excludes)
{
    /// <summary>This task's host list as it would be built now: see <see cref="BuildHostList(TaskDefinition, HostSelection, IReadOnlyList{string}, EnvState)"/>.</summary>
    internal HostList BuildHostList(EnvState env) => BuildHostList(Task, CommandLineHosts, Excludes, env);

    /// <summary>
    /// A task's host list as it would be built now: from <paramref name="commandLine"/>, the task's attributes,
    /// and <paramref name="env"/>'s hosts, roles and exclusions as they are at this moment. The runner (for the command
    /// line and for <c>Execute</c>) and the dry run both build host lists here.
    /// </summary>
    internal static HostList BuildHostList(TaskDefinition task, HostSelection commandLine, IReadOnlyList<string> excludes, EnvState env)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(env);
        return HostListBuilder.Build(
            new HostListInputs(
                commandLine,
                new HostSelection(task.Hosts, task.Roles),
                new HostSelection([.. env.Hosts], [.. env.Roles]),
                [.. env.ExcludeHosts],
                excludes),
            env.RoleDefs);
    }
}
