namespace Fabric;

/// <summary>
/// The hosts a task runs on, unless the command line names hosts or roles for it
/// (<c>task:hosts=a;b</c>). Overrides <see cref="FabricEnv.Hosts"/> and <see cref="FabricEnv.Roles"/>.
/// On a class, applies to its tasks that carry neither <see cref="HostsAttribute"/> nor <see cref="RolesAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class HostsAttribute : Attribute
{
    /// <summary>Names the hosts, as host strings: <c>[user@]host[:port]</c>.</summary>
    public HostsAttribute(params string[] hosts) => Hosts = hosts;

    /// <summary>The host strings, as written.</summary>
    public IReadOnlyList<string> Hosts { get; }
}
