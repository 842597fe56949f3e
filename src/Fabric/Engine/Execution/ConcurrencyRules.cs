using Fabric.Engine.Tasks;

namespace Fabric.Engine.Execution;

/// <summary>
/// Fabric 1.x's rules for how many hosts run a task at once: parallel when the task says <c>[Parallel]</c>, or when
/// <c>Env.Parallel</c> asks and the task does not say <c>[Serial]</c> (<c>[RunsOnce]</c> is serial); then the task's
/// own pool size, else <c>Env.PoolSize</c>, else every host; never more than the hosts, never less than one.
/// </summary>
internal static class ConcurrencyRules
{
    public static bool IsParallel(TaskConcurrency task, bool parallelOption)
    {
        ArgumentNullException.ThrowIfNull(task);
        return !task.RunsOnce && (task.Parallel ?? parallelOption);
    }

    /// <summary>How many of <paramref name="hostCount"/> hosts run the task at once (1: one after another).</summary>
    public static int PoolSize(TaskConcurrency task, bool parallelOption, int? poolSizeOption, int hostCount)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (hostCount <= 1 || !IsParallel(task, parallelOption))
        {
            return 1;
        }

        var wanted = task.PoolSize ?? (poolSizeOption is > 0 ? poolSizeOption.Value : hostCount);
        return Math.Clamp(wanted, 1, hostCount);
    }
}
