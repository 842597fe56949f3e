using Fabric.Engine.Tasks;

namespace Fabric.Tool.Listing;

/// <summary>
/// <c>--list</c>: <c>Available commands:</c>, a blank line, then each task indented, descriptions aligned,
/// top level first, then groups; in the other <see cref="ListFormat"/>s as they say.
/// </summary>
internal static class TaskListPrinter
{
    public static void Print(TaskTable table, TextWriter output, ListFormat format = ListFormat.Normal)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(output);
        switch (format)
        {
            case ListFormat.Short:
                foreach (var task in table.Tasks)
                {
                    output.WriteLine(task.Name);
                }

                return;
            case ListFormat.Json:
                TaskListJson.Write(table, output);
                return;
        }

        output.WriteLine("Available commands:");
        output.WriteLine();
        if (table.Tasks.Count == 0)
        {
            output.WriteLine("    (none: the fabfile has no public methods that can be tasks)");
        }
        else if (format == ListFormat.Nested)
        {
            PrintNested(table, output);
        }
        else
        {
            PrintNormal(table, output);
        }
    }

    private static void PrintNormal(TaskTable table, TextWriter output)
    {
        var width = table.Tasks.Max(t => t.Name.Length);
        var classes = table.Tasks.GroupBy(t => t.Method.DeclaringType).ToList();
        for (var i = 0; i < classes.Count; i++)
        {
            if (classes.Count > 1)
            {
                if (i > 0)
                {
                    output.WriteLine();
                }

                output.WriteLine($"  {classes[i].Key?.Name}:");
            }

            foreach (var task in classes[i])
            {
                output.WriteLine(Line("    ", task.Name, width, task.Description));
            }
        }
    }

    private static void PrintNested(TaskTable table, TextWriter output)
    {
        var width = table.Tasks.Max(t => LastPart(t.Name).Length);
        foreach (var group in table.Tasks.GroupBy(t => GroupOf(t.Name)))
        {
            var indent = "    ";
            if (group.Key.Length > 0)
            {
                output.WriteLine($"    {group.Key}:");
                indent = "        ";
            }

            foreach (var task in group)
            {
                output.WriteLine(Line(indent, LastPart(task.Name), width, task.Description));
            }
        }
    }

    private static string Line(string indent, string name, int width, string? description) =>
        (indent + (description is null ? name : name.PadRight(width + 4) + description)).TrimEnd();

    private static string GroupOf(string name) => name.Contains('.', StringComparison.Ordinal) ? name[..name.LastIndexOf('.')] : "";

    private static string LastPart(string name) => name[(name.LastIndexOf('.') + 1)..];
}
