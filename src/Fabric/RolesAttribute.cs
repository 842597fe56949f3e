namespace Fabric;

/// <summary>
/// The roles whose hosts a task runs on (looked up in <see cref="FabricEnv.RoleDefs"/> when the
/// task is about to run). Merged with the task's <see cref="HostsAttribute"/>, if any.
/// On a class, applies to its tasks that carry neither <see cref="HostsAttribute"/> nor <see cref="RolesAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class RolesAttribute : Attribute
{
    /// <summary>Names the roles.</summary>
    public RolesAttribute(params string[] roles) => Roles = roles;

    /// <summary>The role names, as written.</summary>
    public IReadOnlyList<string> Roles { get; }
}
