using System.Text.Json;
using Fabric.Engine.Tasks;
using Fabric.Tool.Listing;

namespace Fabric.Tests.Tool.Listing;

public class TaskListPrinterTests
{
    private static readonly TaskTable OneClass = TaskDiscovery.Discover([typeof(Ops)]);
    private static readonly TaskTable TwoClasses = TaskDiscovery.Discover([typeof(Ops), typeof(Db)]);

    [Fact]
    public void The_list_shows_names_indented_with_descriptions_aligned()
    {
        Assert.Equal(
            """
            Available commands:

                deploy    Deploys.
                status

            """.ReplaceLineEndings(),
            Print(OneClass, ListFormat.Normal));
    }

    [Fact]
    public void Tasks_from_several_classes_are_listed_under_their_class_top_level_first()
    {
        Assert.Equal(
            """
            Available commands:

              Ops:
                deploy        Deploys.
                status

              Db:
                db.migrate    Migrates.

            """.ReplaceLineEndings(),
            Print(TwoClasses, ListFormat.Normal));
    }

    [Fact]
    public void The_short_format_is_names_only_one_a_line()
    {
        Assert.Equal("deploy\nstatus\ndb.migrate\n".ReplaceLineEndings(), Print(TwoClasses, ListFormat.Short));
    }

    [Fact]
    public void The_nested_format_shows_groups_as_levels()
    {
        Assert.Equal(
            """
            Available commands:

                deploy     Deploys.
                status
                db:
                    migrate    Migrates.

            """.ReplaceLineEndings(),
            Print(TwoClasses, ListFormat.Nested));
    }

    [Fact]
    public void The_json_format_parses_back_with_parameters_defaults_hosts_and_roles()
    {
        using var document = JsonDocument.Parse(Print(TwoClasses, ListFormat.Json));
        var tasks = document.RootElement.GetProperty("tasks").EnumerateArray().ToList();

        Assert.Equal(["deploy", "status", "db.migrate"], tasks.Select(t => t.GetProperty("name").GetString()));
        var deploy = tasks[0];
        Assert.Equal("Deploys.", deploy.GetProperty("description").GetString());
        Assert.Equal(["web1", "web2"], deploy.GetProperty("hosts").EnumerateArray().Select(h => h.GetString()));
        var parameters = deploy.GetProperty("parameters").EnumerateArray().ToList();
        Assert.Equal("branch", parameters[0].GetProperty("name").GetString());
        Assert.True(parameters[0].GetProperty("required").GetBoolean());
        Assert.Equal("int", parameters[1].GetProperty("type").GetString());
        Assert.Equal(3, parameters[1].GetProperty("default").GetInt32());
        Assert.Equal("Red", parameters[2].GetProperty("default").GetString());
        Assert.Equal(["db"], tasks[2].GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(JsonValueKind.Null, tasks[1].GetProperty("description").ValueKind);
    }

    private static string Print(TaskTable table, ListFormat format)
    {
        using var output = new StringWriter();
        TaskListPrinter.Print(table, output, format);
        return output.ToString();
    }

    public enum Colour
    {
        Red,
    }

    public static class Ops
    {
        [Task(Description = "Deploys."), Hosts("web1", "web2")]
        public static void Deploy(string branch, int retries = 3, Colour colour = Colour.Red)
        {
        }

        [Task]
        public static void Status()
        {
        }
    }

    [TaskGroup("db"), Roles("db")]
    public static class Db
    {
        [Task(Description = "Migrates.")]
        public static void Migrate()
        {
        }
    }
}
