using Fabric.Engine.Tasks;
using Fabric.Tool.Listing;

namespace Fabric.Tests.Tool.Listing;

public class TaskListPrinterTests
{
    [Fact]
    public void The_list_shows_names_indented_with_descriptions_aligned_top_level_first()
    {
        var table = TaskDiscovery.Discover([typeof(Ops), typeof(Db)]);
        using var output = new StringWriter();

        TaskListPrinter.Print(table, output);

        Assert.Equal(
            """
            Available commands:

                deploy        Deploys.
                status
                db.migrate    Migrates.

            """.ReplaceLineEndings(),
            output.ToString());
    }

    public static class Ops
    {
        [Task(Description = "Deploys.")]
        public static void Deploy()
        {
        }

        [Task]
        public static void Status()
        {
        }
    }

    [TaskGroup("db")]
    public static class Db
    {
        [Task(Description = "Migrates.")]
        public static void Migrate()
        {
        }
    }
}
