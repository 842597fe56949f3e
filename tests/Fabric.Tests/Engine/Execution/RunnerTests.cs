using static Fabric.Api;

namespace Fabric.Tests.Engine.Execution;

public class RunnerTests
{
    [Fact]
    public async Task Each_task_runs_once_per_host_in_order_task_by_task()
    {
        // Reference document, "Execution strategy": env.hosts = ['host1', 'host2']; fab taskA taskB.
        var (exit, lines) = await EngineRun.RunAsync([typeof(Tasks)], ["task-a", "task-b"], env => env.Hosts = ["host1", "host2"]);

        Assert.Equal(0, exit);
        Assert.Equal(
            [
                "[host1] Executing task 'task-a'", "[host1] task-a on host1",
                "[host2] Executing task 'task-a'", "[host2] task-a on host2",
                "[host1] Executing task 'task-b'", "[host1] task-b on host1",
                "[host2] Executing task 'task-b'", "[host2] task-b on host2",
                "Done.",
            ],
            lines);
    }

    [Fact]
    public async Task A_task_with_no_hosts_runs_once_locally_without_an_executing_line()
    {
        var (exit, lines) = await EngineRun.RunAsync([typeof(Tasks)], ["task-a"]);

        Assert.Equal(0, exit);
        Assert.Equal(["task-a on (no host)", "Done."], lines);
    }

    [Fact]
    public async Task A_task_that_sets_Env_Hosts_changes_the_hosts_of_the_tasks_after_it()
    {
        // Reference document: fab set_hosts mytask.
        var (_, lines) = await EngineRun.RunAsync([typeof(Tasks)], ["set-hosts", "task-a"]);

        Assert.Equal(["[host1] Executing task 'task-a'", "[host1] task-a on host1", "[host2] Executing task 'task-a'", "[host2] task-a on host2", "Done."], lines);
    }

    [Fact]
    public async Task An_exception_stops_the_run_before_the_next_host()
    {
        var (exit, lines) = await EngineRun.RunAsync([typeof(Tasks)], ["fails", "task-a"], env => env.Hosts = ["host1", "host2"]);

        Assert.Equal(1, exit);
        Assert.Equal("[host1] Executing task 'fails'", lines[0]);
        Assert.StartsWith("Fatal error: task 'fails' on host1 threw InvalidOperationException: broken", lines[1]);
        Assert.EndsWith("\n\nAborting.", lines[^1].ReplaceLineEndings("\n"));
        Assert.DoesNotContain(lines, l => l.Contains("host2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Abort_prints_its_message_and_where_it_happened()
    {
        var (exit, lines) = await EngineRun.RunAsync([typeof(Tasks)], ["aborts"], env => env.Hosts = ["web1"]);

        Assert.Equal(1, exit);
        Assert.Contains(lines, l => l.StartsWith("Fatal error: no release to deploy (task 'aborts' on web1)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Async_tasks_are_awaited_before_the_next_task_starts()
    {
        var (_, lines) = await EngineRun.RunAsync([typeof(Tasks)], ["slow", "task-a"]);

        Assert.Equal(["slow finished", "task-a on (no host)", "Done."], lines);
    }

    [Fact]
    public async Task Instance_tasks_share_one_instance_per_class_per_run()
    {
        var (_, lines) = await EngineRun.RunAsync([typeof(Counter)], ["count", "count"], env => env.Hosts = ["a", "b"]);

        Assert.Equal(["1", "2", "3", "4"], lines.Where(l => !l.Contains("Executing", StringComparison.Ordinal) && l != "Done.").Select(l => l[(l.IndexOf(' ', StringComparison.Ordinal) + 1)..]));
    }

    [Fact]
    public async Task A_task_whose_hosts_are_all_excluded_is_skipped_with_a_warning_and_never_runs_locally()
    {
        var (exit, lines) = await EngineRun.RunAsync([typeof(Tasks)], ["task-a"], env =>
        {
            env.Hosts = ["host1"];
            env.ExcludeHosts = ["host1"];
        });

        Assert.Equal(0, exit);
        Assert.Equal(["Warning: Skipping task 'task-a': every host of its list was excluded (host1).", "Done."], lines);
    }

    [Fact]
    public async Task Env_describes_the_current_host_with_defaults_for_missing_parts()
    {
        var (_, lines) = await EngineRun.RunAsync([typeof(Tasks)], ["parts"], env =>
        {
            env.Hosts = ["deploy@web1:2222", "web2"];
            env.User = "alice";
            env.Port = 22;
        });

        Assert.Contains("[deploy@web1:2222] deploy@web1:2222 web1 deploy 2222", lines);
        Assert.Contains("[web2] web2 web2 alice 22", lines);
    }

    [Fact]
    public async Task A_failed_local_command_aborts_with_the_command_and_exit_code()
    {
        var (exit, lines) = await EngineRun.RunAsync([typeof(Tasks)], ["local-fails"]);

        Assert.Equal(1, exit);
        Assert.Contains(lines, l => l.StartsWith("Fatal error: local 'echo nope >&2; exit 4' failed with exit code 4", StringComparison.Ordinal));
        Assert.DoesNotContain("after", lines);
    }

    [Fact]
    public async Task Under_warn_only_a_failed_local_command_warns_and_returns_a_failed_result()
    {
        var (exit, lines) = await EngineRun.RunAsync([typeof(Tasks)], ["local-fails"], env => env.WarnOnly = true);

        Assert.Equal(0, exit);
        Assert.Contains(lines, l => l.StartsWith("Warning: local 'echo nope >&2; exit 4' failed with exit code 4", StringComparison.Ordinal));
        Assert.Contains("after failed=True", lines);
    }

    [Fact]
    public async Task Local_output_is_streamed_with_the_localhost_prefix_and_captured()
    {
        var (_, lines) = await EngineRun.RunAsync([typeof(Tasks)], ["echo"]);

        Assert.Equal("[localhost] local: echo one; echo two >&2", lines[0]);
        Assert.Contains("[localhost] out: one", lines);
        Assert.Contains("[localhost] err: two", lines);
        Assert.Contains("captured=one", lines);
    }

    public static class Tasks
    {
        public static void TaskA() => Print($"task-a on {Env.HostString ?? "(no host)"}");

        public static void TaskB() => Print($"task-b on {Env.HostString ?? "(no host)"}");

        public static void SetHosts() => Env.Hosts = ["host1", "host2"];

        public static void Fails() => throw new InvalidOperationException("broken");

        public static void Aborts() => Abort("no release to deploy");

        public static async Task Slow()
        {
            await Task.Delay(50);
            Print("slow finished");
        }

        public static void Parts() => Print($"{Env.HostString} {Env.Host} {Env.User} {Env.Port}");

        public static void LocalFails()
        {
            var result = Local("echo nope >&2; exit 4");
            Print($"after failed={result.Failed}");
        }

        public static void Echo()
        {
            var result = Local("echo one; echo two >&2");
            Print($"captured={result.Stdout}");
        }
    }

    public sealed class Counter
    {
        private int _count;

        public void Count() => Print((++_count).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
