namespace Fabric.Engine.Tasks;

/// <summary>What a task's <c>[Parallel]</c>, <c>[Serial]</c> and <c>[RunsOnce]</c> attributes say about how it runs.</summary>
/// <param name="Parallel">True: <c>[Parallel]</c>; false: <c>[Serial]</c> (or <c>[RunsOnce]</c>); null: as <c>Env.Parallel</c> says.</param>
/// <param name="PoolSize"><c>[Parallel(PoolSize = n)]</c> when n &gt; 0, else null.</param>
/// <param name="RunsOnce"><c>[RunsOnce]</c>.</param>
public sealed record TaskConcurrency(bool? Parallel, int? PoolSize, bool RunsOnce)
{
    /// <summary>No attribute: as the run says.</summary>
    public static TaskConcurrency Default { get; } = new(null, null, false);
}
