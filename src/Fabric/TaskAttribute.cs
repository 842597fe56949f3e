namespace Fabric;

/// <summary>
/// Marks a public method as a task that <c>dotnet fab</c> can run. Once any method of the
/// fabfile carries it, only methods that carry it are tasks.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class TaskAttribute : Attribute
{
    /// <summary>Marks a task named after its method, in kebab-case (<c>DeployWeb</c> → <c>deploy-web</c>).</summary>
    public TaskAttribute()
    {
    }

    /// <summary>Marks a task with an explicit name.</summary>
    /// <param name="name">The name the command line uses for this task.</param>
    public TaskAttribute(string name) => Name = name;

    /// <summary>The task's name, or null for the method name in kebab-case.</summary>
    public string? Name { get; }

    /// <summary>One line shown by <c>--list</c>; without it, the first sentence of the XML summary.</summary>
    public string? Description { get; set; }

    /// <summary>
    /// Makes the task answer to its group's name (<c>dotnet fab db</c>), or, outside a group,
    /// to a bare <c>dotnet fab</c>.
    /// </summary>
    public bool Default { get; set; }

    /// <summary>Further names the command line accepts for this task.</summary>
    public string[] Aliases { get; set; } = [];
}
