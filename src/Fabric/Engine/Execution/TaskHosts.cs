using Fabric.Engine.Hosts;
using Fabric.Engine.Output;
using Fabric.Engine.Tasks;

namespace Fabric.Engine.Execution;

/// <summary>A task's host list as it is about to run (its selection, attributes and <c>Env</c> at that moment), told at debug level.</summary>
internal static class TaskHosts
{
    /// <summary>The host list; a list that cannot be built (a bad host string, an unknown role) fails the task, naming it.</summary>
    public static HostList Build(RunContext context, TaskDefinition task, HostSelection selection, IReadOnlyList<string> excludes)
    {
        HostList hosts;
        try
        {
            hosts = PlannedTask.BuildHostList(task, selection, excludes, context.Env);
        }
        catch (FabricUsageException e)
        {
            throw new TaskFailure($"Task '{task.Name}': {e.Message}");
        }

        OutputGroups.Write(context, Ambient.Scope, new OutputEvent(OutputKind.Debug, null, hosts.IsLocalOnly
            ? $"Task '{task.Name}': no hosts, runs once locally."
            : $"Task '{task.Name}': hosts from {hosts.Source}: {string.Join(", ", hosts.Hosts.Select(h => h.Original))}"
                + (hosts.Excluded.Count > 0 ? $" (excluded: {string.Join(", ", hosts.Excluded.Select(h => h.Original))})" : "") + "."));
        return hosts;
    }
}
