namespace Fabric.Engine.Tasks;

/// <summary>
/// The tasks of a fabfile, found by <see cref="TaskDiscovery"/>: looked up by name (case-insensitive,
/// <c>-</c> and <c>_</c> ignored), listed top level first, then by group.
/// </summary>
internal sealed class TaskTable
{
    private readonly Dictionary<string, TaskDefinition> _byName;

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

    /// <summary>The task a bare <c>dotnet fab</c> runs (<c>[Task(Default = true)]</c> at top level), or null.</summary>
    public TaskDefinition? Default { get; }

    /// <summary>The task with this name or alias, or null.</summary>
    public TaskDefinition? Find(string name) =>
        _byName.TryGetValue(TaskNames.Normalize(name), out var task) ? task : null;

    /// <summary>Names close to <paramref name="name"/> (a typo, or a prefix), best first.</summary>
    public IReadOnlyList<string> NearestMatches(string name)
    {
        var wanted = TaskNames.Normalize(name);
        return [.. Tasks
            .SelectMany(t => t.Aliases.Prepend(t.Name))
            .Select(n => (Name: n, Distance: Distance(wanted, TaskNames.Normalize(n)), IsPrefix: TaskNames.Normalize(n).StartsWith(wanted, StringComparison.Ordinal)))
            .Where(c => c.IsPrefix || c.Distance <= Math.Max(2, wanted.Length / 3))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .Distinct()
            .Take(5)];
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
