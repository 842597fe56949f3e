namespace Fabric.Engine.Tasks;

/// <summary>
/// The tasks of a fabfile, found by <see cref="TaskDiscovery"/>: looked up by name (case-insensitive,
/// <c>-</c> and <c>_</c> ignored), listed top level first, then by group.
/// </summary>
public sealed class TaskTable
{
    private readonly Dictionary<string, TaskDefinition> _byName;

    /// <summary>A table of <paramref name="tasks"/>; <paramref name="defaultTask"/> runs when none is named.</summary>
    public TaskTable(IEnumerable<TaskDefinition> tasks, TaskDefinition? defaultTask = null)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        Tasks = [.. tasks.OrderBy(t => t.Name.Contains('.', StringComparison.Ordinal)).ThenBy(t => t.Name, StringComparer.Ordinal)];
        Default = defaultTask;
        _byName = new(StringComparer.Ordinal);
        foreach (var task in Tasks)
        {
            foreach (var name in task.Aliases.Prepend(task.Name))
            {
                var key = TaskNames.Normalize(name);
                if (_byName.TryGetValue(key, out var other) && other != task)
                {
                    throw new FabricUsageException(
                        $"Two tasks are named '{name}': {other.MethodDisplayName} and {task.MethodDisplayName}. Rename one, or give it [Task(\"another-name\")].");
                }

                _byName[key] = task;
            }
        }
    }

    /// <summary>The tasks, sorted: top level first, then groups, each by name.</summary>
    public IReadOnlyList<TaskDefinition> Tasks { get; }

    /// <summary>The task a run that names no task runs (<c>[Task(Default = true)]</c> at top level), or null.</summary>
    public TaskDefinition? Default { get; }

    /// <summary>The task with this name or alias, or null.</summary>
    public TaskDefinition? Find(string name) =>
        _byName.TryGetValue(TaskNames.Normalize(name), out var task) ? task : null;

    /// <summary>Names close to <paramref name="name"/> (a typo, or a prefix), best first.</summary>
    public IReadOnlyList<string> NearestMatches(string name) =>
        [.. NameSuggestions.Closest(name, Tasks.SelectMany(t => t.Aliases.Prepend(t.Name))).Distinct().Take(5)];
}
