using Fabric.Engine.Execution;
using Fabric.Engine.Tasks;

namespace Fabric.Tests.Engine.Execution;

public class ConcurrencyRulesTests
{
    private static readonly TaskConcurrency Plain = TaskConcurrency.Default;
    private static readonly TaskConcurrency Parallel = new(true, null, false);
    private static readonly TaskConcurrency Serial = new(false, null, false);
    private static readonly TaskConcurrency RunsOnce = new(false, null, true);

    [Fact]
    public void Without_P_or_Parallel_a_task_runs_on_one_host_at_a_time()
    {
        Assert.Equal(1, ConcurrencyRules.PoolSize(Plain, parallelOption: false, poolSizeOption: 10, hostCount: 20));
    }

    [Fact]
    public void P_without_z_runs_every_host_at_once()
    {
        Assert.Equal(20, ConcurrencyRules.PoolSize(Plain, parallelOption: true, poolSizeOption: null, hostCount: 20));
    }

    [Fact]
    public void P_with_z_bounds_the_pool()
    {
        Assert.Equal(5, ConcurrencyRules.PoolSize(Plain, parallelOption: true, poolSizeOption: 5, hostCount: 20));
    }

    [Fact]
    public void The_tasks_own_pool_size_wins_over_z()
    {
        var task = new TaskConcurrency(true, 3, false);

        Assert.Equal(3, ConcurrencyRules.PoolSize(task, parallelOption: true, poolSizeOption: 8, hostCount: 20));
    }

    [Fact]
    public void Parallel_runs_in_parallel_without_P_and_takes_z()
    {
        Assert.Equal(4, ConcurrencyRules.PoolSize(Parallel, parallelOption: false, poolSizeOption: 4, hostCount: 20));
    }

    [Fact]
    public void The_pool_is_never_larger_than_the_host_list()
    {
        Assert.Equal(3, ConcurrencyRules.PoolSize(new TaskConcurrency(true, 50, false), parallelOption: true, poolSizeOption: 100, hostCount: 3));
    }

    [Fact]
    public void Serial_opts_out_of_P()
    {
        Assert.False(ConcurrencyRules.IsParallel(Serial, parallelOption: true));
        Assert.Equal(1, ConcurrencyRules.PoolSize(Serial, parallelOption: true, poolSizeOption: 10, hostCount: 20));
    }

    [Fact]
    public void RunsOnce_is_never_parallel()
    {
        Assert.False(ConcurrencyRules.IsParallel(RunsOnce with { Parallel = true }, parallelOption: true));
    }
}
