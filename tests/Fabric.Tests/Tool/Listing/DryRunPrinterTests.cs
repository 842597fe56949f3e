using Fabric.Engine.Execution;
using Fabric.Engine.Hosts;
using Fabric.Engine.Tasks;
using Fabric.Tool.Listing;

namespace Fabric.Tests.Tool.Listing;

public class DryRunPrinterTests
{
    [Fact]
    public void A_task_after_one_that_may_set_Env_Hosts_is_not_promised_a_local_run()
    {
        var lines = Print(["production", "uptime"]);

        Assert.Contains("   no hosts: runs once, locally", lines);
        var uptime = lines[lines.IndexOf("2. uptime") + 1];
        Assert.StartsWith("   no hosts yet (Env.Hosts/Env.Roles are empty after the fabfile's setup): decided when it runs, by the Env.Hosts/Env.Roles that 'production' (run before it) may set", uptime, StringComparison.Ordinal);
    }

    [Fact]
    public void A_first_task_without_hosts_runs_locally_with_nothing_before_it_to_change_that()
    {
        Assert.Equal("   no hosts: runs once, locally", Print(["uptime"])[3]);
    }

    [Fact]
    public void A_RunsOnce_task_is_shown_once_on_the_first_host_of_its_list()
    {
        var lines = Print(["migrate"], env => env.Hosts = ["db1", "db2"]);

        Assert.Equal("   runs once ([RunsOnce]), on the first host of its list: db1 (hosts from Env.Hosts/Env.Roles (-H/-R, the fabfile's setup): db1, db2)", lines[3]);
    }

    [Fact]
    public void Under_shard_each_task_shows_its_slice_and_tasks_that_are_not_split_say_so()
    {
        var lines = Print(["uptime", "migrate"], env => env.Hosts = ["a", "b", "c", "d"], new HostShard(2, 2));

        Assert.Contains("   shard 2/2 runs 2 of its 4 hosts: b, d.", lines);
        Assert.Contains("   not split into shards, it runs in shard 1 only: skipped in shard 2/2.", lines);
    }

    private static List<string> Print(string[] tokens, Action<EnvState>? configure = null, HostShard? shard = null)
    {
        var table = TaskDiscovery.Discover([typeof(Tasks)]);
        var env = new EnvState();
        configure?.Invoke(env);
        using var output = new StringWriter();
        DryRunPrinter.Print(RunPreview.Of(RunPlanner.Plan(table, tokens), env), output, shard);
        return [.. output.ToString().ReplaceLineEndings("\n").Split('\n')];
    }

    public static class Tasks
    {
        public static void Production() => Api.Env.Hosts = ["web1", "web2"];

        public static void Uptime()
        {
        }

        [RunsOnce]
        public static void Migrate()
        {
        }
    }
}
