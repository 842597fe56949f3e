using System.Collections.Immutable;
using Fabric.Engine.Execution;
using Fabric.Engine.Hosts;
using Fabric.Engine.Output;
using Fabric.Engine.Tasks;
using static Fabric.Api;

namespace Fabric.Tests.Engine.Execution;

public class ShardRunnerTests
{
    private static readonly string[] Hosts = ["h1", "h2", "h3", "h4", "h5"];

    [Fact]
    public async Task Each_shard_runs_its_slice_of_the_host_list_and_together_they_run_each_host_once()
    {
        var ran = new List<string>();
        for (var k = 1; k <= 2; k++)
        {
            var (exit, lines, _) = await RunAsync(new HostShard(k, 2), "on-host");
            Assert.Equal(0, exit);
            ran.AddRange(Said(lines).Where(l => l.StartsWith("on ", StringComparison.Ordinal)));
        }

        Assert.Equal(Hosts.Select(h => $"on {h}"), ran.Order());
    }

    [Fact]
    public async Task Local_only_and_RunsOnce_tasks_run_in_shard_1_only_and_are_skipped_elsewhere_with_a_debug_line()
    {
        var (_, first, firstRows) = await RunAsync(new HostShard(1, 3), "local", "once");
        var (_, second, secondRows) = await RunAsync(new HostShard(2, 3), "local", "once");

        Assert.Contains("local ran", first);
        Assert.Contains("once on h1", Said(first));
        Assert.Equal(2, firstRows.Count);
        Assert.DoesNotContain(Said(second), l => l.EndsWith(" ran", StringComparison.Ordinal) || l.StartsWith("once on", StringComparison.Ordinal));
        Assert.Contains("Task 'local': not split into shards, it runs in shard 1 only: skipped in shard 2/3.", second);
        Assert.Contains("Task 'once': not split into shards, it runs in shard 1 only: skipped in shard 2/3.", second);
        Assert.Empty(secondRows);
    }

    [Fact]
    public async Task A_shard_with_none_of_a_tasks_hosts_skips_it_quietly_leaving_no_summary_row()
    {
        var (exit, lines, rows) = await RunAsync(new HostShard(3, 3), "on-host:hosts=h1;h2");

        Assert.Equal(0, exit);
        Assert.DoesNotContain(Said(lines), l => l.StartsWith("on ", StringComparison.Ordinal));
        Assert.Contains("Task 'on-host': shard 3/3 has none of its 2 hosts: skipped.", lines);
        Assert.Empty(rows);
    }

    [Fact]
    public async Task Execute_from_a_task_is_not_split()
    {
        var (_, lines, _) = await RunAsync(new HostShard(1, 2), "fan-out");

        Assert.Equal(Hosts.Select(h => $"on {h}"), Said(lines).Where(l => l.StartsWith("on ", StringComparison.Ordinal)));
    }

    /// <summary>What the tasks printed, without the <c>[host] </c> prefix.</summary>
    private static List<string> Said(IEnumerable<string> lines) =>
        [.. lines.Select(l => l.StartsWith('[') ? l[(l.IndexOf("] ", StringComparison.Ordinal) + 2)..] : l)];

    private static async Task<(int ExitCode, IReadOnlyList<string> Lines, IReadOnlyList<RunSummary.Row> Rows)> RunAsync(HostShard shard, params string[] tokens)
    {
        var output = new CollectingOutputSink();
        var table = TaskDiscovery.Discover([typeof(Tasks)]);
        var context = new RunContext(output)
        {
            Tasks = table,
            Shard = shard,
            OutputGroups = ImmutableDictionary.Create<string, bool>(StringComparer.Ordinal).Add("debug", true),
        };
        context.Env.UseSshConfig = false;
        var exitCode = await EngineRun.RunAsync(context, RunPlanner.Plan(table, tokens));
        return (exitCode, output.Text, context.Summary.Rows);
    }

    public static class Tasks
    {
        [Hosts("h1", "h2", "h3", "h4", "h5")]
        public static void OnHost() => Print($"on {Env.HostString}");

        public static void Local() => Print("local ran");

        [RunsOnce]
        [Hosts("h1", "h2", "h3")]
        public static void Once() => Print($"once on {Env.HostString}");

        public static void FanOut() => Execute(OnHost);
    }
}
