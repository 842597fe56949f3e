using Fabric.Engine.Execution;
using Fabric.Engine.Output;
using Fabric.Engine.Tasks;
using static Fabric.Api;

namespace Fabric.Tests.Engine.Execution;

public class ExecuteFailureTests
{
    [Fact]
    public async Task A_failure_inside_nested_Execute_is_in_the_summary_once_and_the_callers_rows_point_at_it()
    {
        var rows = await SummaryOf("outer");

        Assert.Equal(["outer", "middle", "inner"], rows.Select(r => r.Task));
        Assert.All(rows, r => Assert.Equal(RunStatus.Failed, r.Status));
        Assert.Single(rows, r => r.Error!.Contains("disk full", StringComparison.Ordinal));
        Assert.Equal("Execute of task 'middle' failed", rows[0].Error);
        Assert.Equal("Execute of task 'inner' on web1 failed", rows[1].Error);
    }

    [Fact]
    public async Task A_failure_on_several_hosts_of_an_executed_task_is_not_repeated_in_the_callers_row()
    {
        var rows = await SummaryOf("fan-out");

        Assert.Contains(rows, r => r.Task == "parallel-inner" && r.Error?.Contains("disk full", StringComparison.Ordinal) == true);
        Assert.Equal("Execute of task 'parallel-inner' failed", rows.Single(r => r.Task == "fan-out").Error);
    }

    [Fact]
    public async Task Execute_with_a_null_host_says_so_and_does_not_blame_a_command_line_argument()
    {
        var (exit, lines) = await EngineRun.RunAsync([typeof(Tasks)], ["null-host"]);

        Assert.Equal(1, exit);
        Assert.Contains(lines, l => l.StartsWith("Fatal error: Invalid host string '' in Execute('inner') hosts: it is empty.", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("host/hosts argument", StringComparison.Ordinal));
    }

    private static async Task<IReadOnlyList<RunSummary.Row>> SummaryOf(string task)
    {
        var table = TaskDiscovery.Discover([typeof(Tasks)]);
        var context = new RunContext(new CollectingOutputSink()) { Tasks = table };
        context.Env.UseSshConfig = false;
        Assert.Equal(1, await EngineRun.RunAsync(context, RunPlanner.Plan(table, [task])));
        return context.Summary.Rows;
    }

    public static class Tasks
    {
        public static void Inner() => throw new IOException("disk full");

        public static void Middle() => Execute("inner", hosts: ["web1"]);

        public static void Outer() => Execute("middle");

        [Parallel]
        public static void ParallelInner() => throw new IOException("disk full");

        public static void FanOut() => Execute("parallel-inner", hosts: ["web1", "web2"]);

        public static void NullHost() => Execute("inner", hosts: [null!]);
    }
}
