using Fabric.Engine.Tasks;

namespace Fabric.Tool.Listing;

/// <summary><c>--list</c>: <c>Available commands:</c>, a blank line, then each task indented, descriptions aligned (SPEC §3).</summary>
internal static class TaskListPrinter
{
    public static void Print(TaskTable table, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("Available commands:");
        output.WriteLine();
        if (table.Tasks.Count == 0)
        {
            output.WriteLine("    (none: the fabfile has no public methods that can be tasks)");
            return;
        }

        var width = table.Tasks.Max(t => t.Name.Length);
        foreach (var task in table.Tasks)
        {
            var line = task.Description is null ? task.Name : task.Name.PadRight(width + 4) + task.Description;
            output.WriteLine("    " + line.TrimEnd());
        }
    }
}
