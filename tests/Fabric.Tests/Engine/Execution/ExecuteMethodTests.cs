using Fabric.Engine.Tasks;
using static Fabric.Api;

namespace Fabric.Tests.Engine.Execution;

public class ExecuteMethodTests
{
    [Fact]
    public async Task Execute_of_a_plain_method_runs_it_on_each_host_like_a_task_named_after_it()
    {
        var (exit, lines) = await EngineRun.RunAsync([typeof(Tasks)], ["deploy"]);

        Assert.Equal(0, exit);
        Assert.Equal(
            ["[web1] Executing task 'restart-service'", "[web1] restarting on web1", "[web2] Executing task 'restart-service'", "[web2] restarting on web2"],
            lines.Take(4));
    }

    [Fact]
    public async Task Execute_of_a_lambda_returns_its_value_on_each_host_and_honours_the_Env_hosts()
    {
        var (exit, lines) = await EngineRun.RunAsync([typeof(Tasks)], ["collect"], env => env.Hosts = ["a", "b"]);

        Assert.Equal(0, exit);
        Assert.Contains("[a] a=A, b=B", lines);
        Assert.Contains("[a] Executing task 'lambda in collect'", lines);
    }

    [Fact]
    public async Task Execute_of_an_async_method_awaits_it_on_each_host()
    {
        var (exit, lines) = await EngineRun.RunAsync([typeof(Tasks)], ["collect-async"]);

        Assert.Equal(0, exit);
        Assert.Contains("[x] Executing task 'lambda in collect-async'", lines);
        Assert.Contains("x=3", lines);
    }

    [Fact]
    public async Task Execute_of_a_method_that_is_a_task_of_a_group_names_it_as_the_command_line_does()
    {
        var (exit, lines) = await EngineRun.RunAsync([typeof(Vm)], ["vm.reboot"], env => env.Hosts = ["web1"]);

        Assert.Equal(0, exit);
        Assert.Equal(["[web1] Executing task 'vm.reboot'", "[web1] Executing task 'vm.force-reboot'", "[web1] rebooting"], lines.Take(3));
    }

    [Fact]
    public async Task A_plain_methods_RunsOnce_attribute_applies()
    {
        var (_, lines) = await EngineRun.RunAsync([typeof(Tasks)], ["once"], env => env.Hosts = ["a", "b"]);

        Assert.Single(lines, l => l.EndsWith("migrating", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Execute_of_a_method_with_arguments_binds_them_and_keeps_the_methods_own_hosts()
    {
        var (exit, lines) = await EngineRun.RunAsync([typeof(Tasks)], ["downtime"]);

        Assert.Equal(0, exit);
        Assert.Equal(["[alert1] Executing task 'schedule-downtime'", "[alert1] downtime for web1: 30 minutes"], lines.Take(2));
        Assert.Contains("[alert1] downtime for web2: 20 minutes", lines);
    }

    [Fact]
    public async Task Execute_of_a_method_with_an_argument_that_does_not_fit_aborts_naming_it()
    {
        var (exit, lines) = await EngineRun.RunAsync([typeof(Tasks)], ["bad-downtime"]);

        Assert.Equal(1, exit);
        Assert.Contains(lines, l => l.Contains("minutes", StringComparison.Ordinal) && l.Contains("soon", StringComparison.Ordinal));
    }

    [Fact]
    public void A_local_function_is_named_after_itself_and_a_lambda_after_the_method_it_is_in()
    {
        Assert.Equal("restart-web", DelegateTask.NameOf(LocalFunction().Method));
        Assert.Equal("lambda in deploy-web", DelegateTask.NameOf(DeployWeb().Method));
        Assert.Equal("lambda in deploy-web", DelegateTask.Of(DeployWeb()).Name);
    }

    private static Action LocalFunction()
    {
        static void RestartWeb() => Print("restart");
        return RestartWeb;
    }

    private static Action DeployWeb() => () => Print("deploy");

    [TaskGroup("vm")]
    public static class Vm
    {
        public static void Reboot() => Execute(ForceReboot, hosts: [Env.HostString!]);

        public static void ForceReboot() => Print("rebooting");
    }

    public static class Tasks
    {
        public static void Deploy() => Execute(RestartService, hosts: ["web1", "web2"]);

        public static void Collect()
        {
            var results = Execute(() => Env.Host!.ToUpperInvariant());
            Print(string.Join(", ", results.Select(r => $"{r.Key}={r.Value}")));
        }

        public static async Task CollectAsync()
        {
            var results = await ExecuteAsync(async () =>
            {
                await Task.Yield();
                return 3;
            }, hosts: ["x"]);
            Print($"x={results["x"]}");
        }

        public static void Downtime()
        {
            Execute(ScheduleDowntime, arguments: ["web1", "30"]);
            Execute(ScheduleDowntime, arguments: ["web2"]);
        }

        public static void BadDowntime() => Execute(ScheduleDowntime, arguments: ["web1", "soon"]);

        public static void Once() => Execute(Migrate);

        [RunsOnce]
        private static void Migrate() => Print("migrating");

        [Hosts("alert1")]
        private static void ScheduleDowntime(string host, int minutes = 20) => Print($"downtime for {host}: {minutes} minutes");

        private static void RestartService() => Print($"restarting on {Env.HostString}");
    }
}
