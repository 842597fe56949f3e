using Fabric.Engine.Hosts;

namespace Fabric.Engine.Execution;

/// <summary>One task of a dry run: what would run, with which arguments, on which hosts, chosen by which source.</summary>
/// <param name="Task">The checked task and its bound arguments.</param>
/// <param name="Hosts">Its host list as it would be built now.</param>
public sealed record RunPreview(PlannedTask Task, HostList Hosts)
{
    /// <summary>
    /// The host list of every task of the plan, built from <paramref name="env"/> as it is now (after the fabfile's
    /// setup): nothing runs and nothing connects. Tasks are not run, so a task that would change <c>Env.Hosts</c>
    /// does not change the lists of the tasks after it.
    /// </summary>
    /// <exception cref="FabricUsageException">A host list names an undefined role or an invalid host string.</exception>
    internal static IReadOnlyList<RunPreview> Of(IReadOnlyList<PlannedTask> plan, EnvState env)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return [.. plan.Select(p => new RunPreview(p, p.BuildHostList(env)))];
    }
}
