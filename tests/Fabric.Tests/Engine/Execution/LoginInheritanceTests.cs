using static Fabric.Api;

namespace Fabric.Tests.Engine.Execution;

/// <summary>What a task run with <c>Execute</c> inherits of its caller's host and login, and what <c>Env.User</c> leaves behind.</summary>
public sealed class LoginInheritanceTests
{
    [Fact]
    public async Task A_task_executed_inside_a_host_scope_runs_on_its_own_hosts_as_the_user_its_caller_chose()
    {
        var (exit, lines) = await EngineRun.RunAsync([typeof(Tasks)], ["caller"]);

        Assert.Equal(0, exit);
        Assert.Contains("[deploy@db2] child on db2 as deploy", lines);
        Assert.Contains("[db1] back on db1", lines);
    }

    [Fact]
    public async Task Env_User_assigned_in_a_task_on_a_host_is_the_default_of_the_tasks_after_it()
    {
        var (exit, lines) = await EngineRun.RunAsync([typeof(Tasks)], ["become", "report"], env => env.Hosts = ["web1"]);

        Assert.Equal(0, exit);
        Assert.Contains("[deploy@web1] become: deploy", lines);
        Assert.Contains("[web1] report: deploy", lines);
    }

    public static class Tasks
    {
        [Task]
        public static void Caller()
        {
            using (Settings(hostString: "db1", user: "deploy"))
            {
                Execute("child", hosts: ["db2"]);
            }

            using (Settings(hostString: "db1"))
            {
                Print($"back on {Env.Host}");
            }
        }

        [Task]
        public static void Child() => Print($"child on {Env.Host} as {Env.User}");

        [Task]
        public static void Become()
        {
            Env.User = "deploy";
            Print($"become: {Env.User}");
        }

        [Task]
        public static void Report() => Print($"report: {Env.User}");
    }
}
