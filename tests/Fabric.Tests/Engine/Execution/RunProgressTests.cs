using System.Collections.Concurrent;
using Fabric.Engine.Execution;
using Fabric.Engine.Output;
using Fabric.Engine.Tasks;

namespace Fabric.Tests.Engine.Execution;

/// <summary>The runner tells <see cref="RunContext.Progress"/> how a parallel task's hosts start and end, and nothing for a serial one.</summary>
public sealed class RunProgressTests
{
    private static async Task<(int Exit, Recorder Progress)> RunAsync(string task, Action<EnvState> configure)
    {
        var progress = new Recorder();
        var table = TaskDiscovery.Discover([typeof(Tasks)]);
        var context = new RunContext(new CollectingOutputSink()) { Tasks = table, Progress = progress };
        configure(context.Env);
        return (await EngineRun.RunAsync(context, RunPlanner.Plan(table, [task])), progress);
    }

    [Fact]
    public async Task A_parallel_task_reports_every_host_starting_and_ending_and_then_its_end()
    {
        var (exit, progress) = await RunAsync("fail-on-c", env => (env.Hosts, env.Parallel, env.WarnOnly) = (["a", "b", "c"], true, true));

        Assert.Equal(1, exit);
        Assert.Equal("fail-on-c/3", Assert.Single(progress.Begun));
        Assert.Equal(3, progress.Started);
        Assert.Equal([RunStatus.Ok, RunStatus.Ok, RunStatus.Failed], progress.Ended.Order());
        Assert.True(progress.Disposed);
    }

    [Fact]
    public async Task A_serial_task_reports_nothing()
    {
        var (exit, progress) = await RunAsync("fail-on-c", env => env.Hosts = ["a", "b"]);

        Assert.Equal(0, exit);
        Assert.Empty(progress.Begun);
    }

    public static class Tasks
    {
        public static void FailOnC()
        {
            if (Api.Env.HostString == "c")
            {
                throw new InvalidOperationException("boom");
            }
        }
    }

    private sealed class Recorder : IRunProgress, IHostsProgress
    {
        private int _started;

        public ConcurrentQueue<string> Begun { get; } = new();

        public ConcurrentQueue<RunStatus> Ended { get; } = new();

        public int Started => _started;

        public bool Disposed { get; private set; }

        public IHostsProgress Begin(string task, int hostCount)
        {
            Begun.Enqueue($"{task}/{hostCount}");
            return this;
        }

        void IHostsProgress.Started() => Interlocked.Increment(ref _started);

        void IHostsProgress.Ended(RunStatus status) => Ended.Enqueue(status);

        public void Dispose() => Disposed = true;
    }
}
