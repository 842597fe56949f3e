using Fabric.Engine;
using Fabric.Engine.Tasks;

namespace Fabric.Tests.Engine.Tasks;

public class TaskDiscoveryTests
{
    [Fact]
    public void Classic_mode_makes_every_public_method_a_task()
    {
        var table = TaskDiscovery.Discover([typeof(Classic)]);

        Assert.Equal(["deploy", "restart-web"], table.Tasks.Select(t => t.Name));
    }

    [Fact]
    public void Names_starting_with_underscore_are_never_tasks()
    {
        var table = TaskDiscovery.Discover([typeof(Classic)]);

        Assert.Null(table.Find("_hidden"));
    }

    [Fact]
    public void Overrides_of_framework_methods_and_accessors_are_never_tasks()
    {
        var table = TaskDiscovery.Discover([typeof(Classic), typeof(InstanceTasks)]);

        Assert.Null(table.Find("to-string"));
        Assert.Null(table.Find("get-name"));
        Assert.Null(table.Find("name"));
        Assert.Null(table.Find("generic"));
        Assert.Null(table.Find("get-hash-code"));
    }

    [Fact]
    public void Once_any_method_has_Task_only_Task_methods_are_tasks()
    {
        var table = TaskDiscovery.Discover([typeof(NewStyle)]);

        Assert.Equal(["build", "ship-it"], table.Tasks.Select(t => t.Name));
        Assert.Null(table.Find("helper"));
    }

    [Fact]
    public void Task_attribute_gives_name_description_and_aliases()
    {
        var table = TaskDiscovery.Discover([typeof(NewStyle)]);
        var task = table.Find("ship-it")!;

        Assert.Equal("Ships it.", task.Description);
        Assert.Same(task, table.Find("ship"));
    }

    [Fact]
    public void Command_line_names_match_case_insensitively_ignoring_dashes_and_underscores()
    {
        var table = TaskDiscovery.Discover([typeof(Classic)]);

        Assert.Equal("restart-web", table.Find("Restart_Web")?.Name);
        Assert.Equal("restart-web", table.Find("restartweb")?.Name);
    }

    [Fact]
    public void Two_tasks_with_one_name_are_a_load_error_naming_both_methods()
    {
        var error = Assert.Throws<FabricUsageException>(() => TaskDiscovery.Discover([typeof(Classic), typeof(Clash)]));

        Assert.Contains(typeof(Classic).FullName + ".Deploy", error.Message);
        Assert.Contains(typeof(Clash).FullName + ".Deploy", error.Message);
    }

    [Fact]
    public void A_task_group_prefixes_its_tasks_and_its_default_answers_to_the_group_name()
    {
        var table = TaskDiscovery.Discover([typeof(NewStyle), typeof(Db)]);

        Assert.Equal("db.migrate", table.Find("db.migrate")?.Name);
        Assert.Equal("db.migrate", table.Find("db")?.Name);
        Assert.Equal("db.seed", table.Find("db.seed")?.Name);
    }

    [Fact]
    public void Top_level_tasks_are_listed_before_groups()
    {
        var table = TaskDiscovery.Discover([typeof(Db), typeof(NewStyle)]);

        Assert.Equal(["build", "ship-it", "db.migrate", "db.seed"], table.Tasks.Select(t => t.Name));
    }

    [Fact]
    public void A_top_level_default_task_runs_for_a_bare_command()
    {
        var table = TaskDiscovery.Discover([typeof(NewStyle)]);

        Assert.Equal("build", table.Default?.Name);
    }

    [Fact]
    public void A_class_attribute_applies_to_tasks_without_their_own()
    {
        var table = TaskDiscovery.Discover([typeof(Db)]);

        Assert.Equal(["dbhost"], table.Find("db.migrate")!.Hosts);
        Assert.Empty(table.Find("db.seed")!.Hosts);
        Assert.Equal(["seeders"], table.Find("db.seed")!.Roles);
    }

    [Fact]
    public void Instance_methods_of_a_class_with_a_parameterless_constructor_are_tasks()
    {
        var table = TaskDiscovery.Discover([typeof(InstanceTasks)]);

        Assert.False(table.Find("check")!.Method.IsStatic);
    }

    [Fact]
    public void Async_tasks_are_tasks()
    {
        var table = TaskDiscovery.Discover([typeof(InstanceTasks)]);

        Assert.NotNull(table.Find("wait-a-bit"));
    }

    [Fact]
    public void Unknown_names_suggest_close_matches()
    {
        var table = TaskDiscovery.Discover([typeof(Classic)]);

        Assert.Equal(["deploy"], table.NearestMatches("deplyo"));
    }

    public static class Classic
    {
        public static string Name => "x";

        public static void Deploy()
        {
        }

        public static void RestartWeb()
        {
        }

        public static void _hidden()
        {
        }

        public static void Generic<T>()
        {
        }
    }

    public static class Clash
    {
        public static void Deploy()
        {
        }
    }

    public static class NewStyle
    {
        [Task(Default = true)]
        public static void Build()
        {
        }

        [Task(Description = "Ships it.", Aliases = ["ship"])]
        public static void ShipIt()
        {
        }

        public static void Helper()
        {
        }
    }

    [TaskGroup("db"), Hosts("dbhost")]
    public static class Db
    {
        [Task(Default = true)]
        public static void Migrate()
        {
        }

        [Task, Roles("seeders")]
        public static void Seed()
        {
        }
    }

    public sealed class InstanceTasks
    {
        public void Check()
        {
        }

        public Task WaitABit() => Task.Delay(1);

        public override string ToString() => "instance";
    }
}
