using Fabric.Engine.Arguments;
using Fabric.Engine.Hosts;
using Fabric.Engine.Tasks;

namespace Fabric.Engine.Execution;

/// <summary>
/// Checks the whole command line before anything runs: every task name, every argument, every
/// host string. All problems are reported together in one <see cref="FabricUsageException"/>.
/// </summary>
internal static class RunPlanner
{
    public static IReadOnlyList<PlannedTask> Plan(TaskTable table, IReadOnlyList<string> tokens, SettingNames? names = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(tokens);
        if (tokens.Count == 0)
        {
            return table.Default is { } task
                ? [Bind(task, new TaskInvocation(task.Name, task.Name, [], []))]
                : throw new FabricUsageException("No task given." + ListHint(names));
        }

        var plan = new List<PlannedTask>();
        var problems = new List<string>();
        foreach (var token in tokens)
        {
            try
            {
                var invocation = TaskInvocationParser.Parse(token);
                var task = table.Find(invocation.Name) ?? throw new FabricUsageException(UnknownTask(table, invocation.Name, names));
                plan.Add(Bind(task, invocation));
            }
            catch (FabricUsageException e)
            {
                problems.Add(e.Message);
            }
        }

        return problems.Count == 0 ? plan : throw new FabricUsageException(string.Join(System.Environment.NewLine, problems));
    }

    /// <summary>Checks the host strings of every task's attributes, so a typo there stops the run before it starts.</summary>
    public static void CheckAttributeHosts(IEnumerable<PlannedTask> plan)
    {
        foreach (var task in plan.Select(p => p.Task).Distinct())
        {
            HostString.Validate(($"the [Hosts] of task '{task.Name}'", task.Hosts));
        }
    }

    /// <summary>
    /// Checks, before the first task runs, that every role the command line and the tasks' attributes name is defined
    /// (without calling any lazy role function).
    /// </summary>
    public static void CheckRoles(IEnumerable<PlannedTask> plan, IEnumerable<string> globalRoles, RoleDefinitions roleDefinitions)
    {
        ArgumentNullException.ThrowIfNull(roleDefinitions);
        var named = plan.SelectMany(p => p.CommandLineHosts.Roles.Concat(p.Task.Roles)).Concat(globalRoles);
        foreach (var role in named.Select(r => r.Trim()).Distinct(StringComparer.Ordinal))
        {
            if (!roleDefinitions.Contains(role))
            {
                throw new UnknownRoleException(role, roleDefinitions.Names);
            }
        }
    }

    private static PlannedTask Bind(TaskDefinition task, TaskInvocation invocation)
    {
        var hostArguments = TaskHostArguments.Extract(invocation.Named);
        var arguments = ArgumentBinder.Bind(task, invocation.Positional, hostArguments.Remaining);
        return new PlannedTask(task, arguments, hostArguments.Selection, hostArguments.Excludes);
    }

    /// <summary>The message for a task name the table does not know, with close matches.</summary>
    public static string UnknownTask(TaskTable table, string name, SettingNames? names = null)
    {
        var matches = table.NearestMatches(name);
        return matches.Count == 0
            ? $"Task '{name}' not found." + ListHint(names)
            : $"Task '{name}' not found. Did you mean: {string.Join(", ", matches)}?";
    }

    /// <summary>Where the tasks are listed, as a sentence after a message; empty when <paramref name="names"/> name no such place.</summary>
    private static string ListHint(SettingNames? names) =>
        (names ?? SettingNames.Library).Name(Setting.TaskList) is { } list ? $" {list} shows the tasks of this fabfile." : "";
}
