using Fabric.Engine.Arguments;
using Fabric.Engine.Tasks;

namespace Fabric.Tool.Listing;

/// <summary><c>-d/--display TASK</c>: one task's description, parameters, hosts, roles and attributes.</summary>
internal static class TaskDisplayPrinter
{
    public static void Print(TaskDefinition task, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"Displaying detailed information for task '{task.Name}':");
        output.WriteLine();
        output.WriteLine("    " + (task.Description ?? "No description."));
        output.WriteLine();
        if (task.Aliases.Count > 0)
        {
            output.WriteLine($"    Aliases: {string.Join(", ", task.Aliases)}");
        }

        output.WriteLine(task.Parameters.Count == 0 ? "    Arguments: none" : "    Arguments:");
        foreach (var parameter in task.Parameters)
        {
            var type = parameter.ValueTypeName ?? parameter.Type.Name + " (cannot be given on the command line)";
            var value = parameter.IsOptional ? $" = {ValueFormatter.Format(parameter.DefaultValue)}" : " (required)";
            output.WriteLine($"        {parameter.ArgumentName}: {type}{value}");
        }

        if (task.Hosts.Count == 0 && task.Roles.Count == 0)
        {
            output.WriteLine("    Hosts: from task:hosts=/roles= on the command line, else Env.Hosts/Env.Roles (-H/-R) when it runs");
        }
        else
        {
            var where = task.HostsFromClass ? $"[Hosts]/[Roles] on class {task.Method.DeclaringType?.Name}" : "[Hosts]/[Roles] on the method";
            output.WriteLine($"    Hosts: {(task.Hosts.Count == 0 ? "(none)" : string.Join(", ", task.Hosts))}");
            output.WriteLine($"    Roles: {(task.Roles.Count == 0 ? "(none)" : string.Join(", ", task.Roles))}");
            output.WriteLine($"    (from {where}, unless task:hosts=/roles= is given on the command line)");
        }

        output.WriteLine($"    Method: {task.MethodDisplayName}");
    }
}
