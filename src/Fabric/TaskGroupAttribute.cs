namespace Fabric;

/// <summary>
/// Puts a class's tasks under a name, like a Python module namespace in Fabric:
/// <c>[TaskGroup("db")]</c> makes <c>Migrate</c> answer to <c>db.migrate</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class TaskGroupAttribute : Attribute
{
    /// <summary>Names the group.</summary>
    public TaskGroupAttribute(string name) => Name = name;

    /// <summary>The group's name, the prefix of its tasks' names.</summary>
    public string Name { get; }
}
