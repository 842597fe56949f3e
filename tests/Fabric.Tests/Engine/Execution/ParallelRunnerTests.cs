using System.Collections.Concurrent;
using System.Globalization;
using static Fabric.Api;

namespace Fabric.Tests.Engine.Execution;

[Collection(nameof(ParallelRunnerTests))]
public class ParallelRunnerTests
{
    private static readonly List<string> TwentyHosts = [.. Enumerable.Range(1, 20).Select(i => $"web{i:00}")];

    [Fact]
    public async Task Under_P_every_host_runs_at_once_and_each_reports_with_its_prefix()
    {
        Tasks.Reset(meet: 20);
        var (exit, lines) = await EngineRun.RunAsync([typeof(Tasks)], ["meet"], env => (env.Hosts, env.Parallel) = (TwentyHosts, true));

        Assert.Equal(0, exit);
        Assert.Equal(TwentyHosts.Select(h => $"[{h}] met all"), lines.Where(l => l.EndsWith("met all", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal(TwentyHosts.Select(h => $"[{h}] Executing task 'meet'"), lines.Where(l => l.Contains("Executing", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Serial_opts_out_of_P()
    {
        Tasks.Reset();
        var (exit, _) = await EngineRun.RunAsync([typeof(Tasks)], ["one-at-a-time"], env => (env.Hosts, env.Parallel, env.PoolSize) = (TwentyHosts, true, 10));

        Assert.Equal(0, exit);
        Assert.Equal(1, Tasks.MostInFlight);
        Assert.Equal(TwentyHosts, Tasks.Order);
    }

    [Fact]
    public async Task Parallel_with_a_pool_size_runs_in_parallel_without_P_never_above_its_pool()
    {
        Tasks.Reset(meet: 3);
        var (exit, _) = await EngineRun.RunAsync([typeof(Tasks)], ["pool-of-three"], env => (env.Hosts, env.PoolSize) = (TwentyHosts[..9], 8));

        Assert.Equal(0, exit);
        Assert.Equal(3, Tasks.MostInFlight);
    }

    [Fact]
    public async Task RunsOnce_runs_on_the_first_host_only_and_its_result_is_remembered()
    {
        Tasks.Reset();
        var (exit, lines) = await EngineRun.RunAsync([typeof(Tasks)], ["once", "once", "execute-once"], env => (env.Hosts, env.Parallel) = (["a", "b", "c"], true));

        Assert.Equal(0, exit);
        Assert.Equal(1, Tasks.OnceCalls);
        Assert.Equal(["[a] Executing task 'once'", "[a] once ran"], lines.Where(l => l.Contains("once", StringComparison.Ordinal) && !l.Contains("execute", StringComparison.Ordinal)));
        Assert.Contains("[a] results: a=1, b=1, c=1", lines);
    }

    [Fact]
    public async Task A_failing_host_is_named_the_running_ones_finish_and_no_new_host_starts()
    {
        Tasks.Reset();
        var (exit, lines) = await EngineRun.RunAsync([typeof(Tasks)], ["fail-on-web03", "meet"], env => (env.Hosts, env.Parallel, env.PoolSize) = (TwentyHosts, true, 4));

        Assert.Equal(1, exit);
        var fatal = Assert.Single(lines, l => l.StartsWith("Fatal error:", StringComparison.Ordinal)).ReplaceLineEndings("\n");
        Assert.StartsWith("Fatal error: Task 'fail-on-web03' failed on 1 of 20 hosts (web03)", fatal, StringComparison.Ordinal);
        Assert.Contains("[web03] task 'fail-on-web03' on web03 threw InvalidOperationException: web03 is broken", fatal, StringComparison.Ordinal);
        Assert.EndsWith("Aborting.", fatal, StringComparison.Ordinal);
        Assert.Contains("[web01] finished", lines);
        Assert.Contains("[web02] finished", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("[web20]", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("'meet'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Lines_from_twenty_hosts_printing_at_once_stay_whole_and_complete()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var exit = await EngineRun.RunToWriterAsync([typeof(Tasks)], ["chatter"], writer, env => (env.Hosts, env.Parallel) = (TwentyHosts, true));

        Assert.Equal(0, exit);
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        var chatter = lines.Where(l => l.Contains(" line ", StringComparison.Ordinal)).ToList();
        Assert.Equal(20 * Tasks.ChatterLines, chatter.Count);
        foreach (var host in TwentyHosts)
        {
            var own = chatter.Where(l => l.StartsWith($"[{host}] ", StringComparison.Ordinal)).ToList();
            Assert.Equal(Enumerable.Range(1, Tasks.ChatterLines).Select(i => $"[{host}] {host} line {i} {Tasks.Padding}"), own);
        }
    }

    [Fact]
    public async Task Execute_returns_each_hosts_result_and_restores_the_callers_host()
    {
        Tasks.Reset();
        var (exit, lines) = await EngineRun.RunAsync([typeof(Tasks)], ["compose"], env => env.Hosts = ["caller"]);

        Assert.Equal(0, exit);
        Assert.Contains("[x] Executing task 'host-name'", lines);
        Assert.Contains("[caller] got x=X, y=Y; back on caller", lines);
    }

    [Fact]
    public async Task Execute_honours_the_called_tasks_hosts_and_Parallel()
    {
        Tasks.Reset(meet: 3);
        var (exit, lines) = await EngineRun.RunAsync([typeof(Tasks)], ["compose-parallel"]);

        Assert.Equal(0, exit);
        Assert.Contains("met on p1, p2, p3", lines);
    }

    [Fact]
    public async Task Execute_passes_arguments_and_fills_defaults()
    {
        Tasks.Reset();
        var (exit, lines) = await EngineRun.RunAsync([typeof(Tasks)], ["compose-arguments"]);

        Assert.Equal(0, exit);
        Assert.Contains("greet hello 3 times (default suffix !)", lines);
    }

    [Fact]
    public async Task Execute_of_an_unknown_task_aborts_naming_it()
    {
        var (exit, lines) = await EngineRun.RunAsync([typeof(Tasks)], ["compose-unknown"]);

        Assert.Equal(1, exit);
        Assert.Contains(lines, l => l.StartsWith("Fatal error: Execute: Task 'no-such-task' not found", StringComparison.Ordinal));
    }

    public static class Tasks
    {
        public const int ChatterLines = 200;
        public static readonly string Padding = new('x', 300);
        private static readonly Lock Gate = new();
        private static CountdownEvent _meeting = new(1);
        private static int _inFlight;

        public static int MostInFlight { get; private set; }

        public static List<string> Order { get; } = [];

        public static int OnceCalls { get; private set; }

        public static void Reset(int meet = 1)
        {
            _meeting = new CountdownEvent(meet);
            (MostInFlight, _inFlight, OnceCalls) = (0, 0, 0);
            Order.Clear();
        }

        /// <summary>Waits until as many executions as the meeting expects have arrived: only possible if they run together.</summary>
        public static void Meet()
        {
            Enter();
            _meeting.Signal();
            if (!_meeting.Wait(TimeSpan.FromSeconds(30)))
            {
                throw new TimeoutException("the others never came");
            }

            Leave();
            Print("met all");
        }

        [Serial]
        public static async Task OneAtATime()
        {
            Enter();
            await Task.Delay(1);
            Leave();
        }

        [Parallel(PoolSize = 3)]
        public static void PoolOfThree()
        {
            Enter();
            if (_meeting.CurrentCount > 0 && !_meeting.Signal())
            {
                _meeting.Wait(TimeSpan.FromSeconds(30));
            }

            Leave();
        }

        [RunsOnce]
        public static int Once()
        {
            OnceCalls++;
            Print("once ran");
            return OnceCalls;
        }

        public static void ExecuteOnce()
        {
            var results = Execute("once");
            Print("results: " + string.Join(", ", results.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}={r.Value}")));
        }

        public static async Task FailOnWeb03()
        {
            if (Env.HostString == "web03")
            {
                await Task.Yield();
                throw new InvalidOperationException("web03 is broken");
            }

            await Task.Delay(20);
            Print("finished");
        }

        public static async Task Chatter()
        {
            for (var i = 1; i <= ChatterLines; i++)
            {
                Print($"{Env.HostString} line {i} {Padding}");
                if (i % 20 == 0)
                {
                    await Task.Yield();
                }
            }
        }

        public static string HostName() => Env.HostString!.ToUpperInvariant();

        public static void Compose()
        {
            var results = Execute("host-name", hosts: ["x", "y"]);
            Print($"got x={results["x"]}, y={results["y"]}; back on {Env.HostString}");
        }

        [Hosts("p1", "p2", "p3")]
        [Parallel]
        public static string MeetAndName()
        {
            Meet();
            return Env.HostString!;
        }

        public static void ComposeParallel()
        {
            var results = Execute("meet-and-name");
            Print("met on " + string.Join(", ", results.Values.Select(v => (string)v!).Order(StringComparer.Ordinal)));
        }

        public static string Greet(string word, int times, string suffix = "!") => $"greet {word} {times} times (default suffix {suffix})";

        public static void ComposeArguments() => Print((string)Execute("greet", arguments: ["hello", "3"])["<local-only>"]!);

        public static void ComposeUnknown() => Execute("no-such-task");

        private static void Enter()
        {
            lock (Gate)
            {
                Order.Add(Env.HostString ?? "");
                MostInFlight = Math.Max(MostInFlight, ++_inFlight);
            }
        }

        private static void Leave()
        {
            lock (Gate)
            {
                _inFlight--;
            }
        }
    }
}
