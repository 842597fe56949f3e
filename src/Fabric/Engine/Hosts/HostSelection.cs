namespace Fabric.Engine.Hosts;

/// <summary>Hosts and roles named by one source of a task's host list (as written; not yet merged or resolved).</summary>
public sealed record HostSelection(IReadOnlyList<string> Hosts, IReadOnlyList<string> Roles)
{
    /// <summary>Neither hosts nor roles.</summary>
    public static HostSelection Empty { get; } = new([], []);

    /// <summary>True when the source names neither a host nor a role: the next source is consulted.</summary>
    public bool IsEmpty => Hosts.Count == 0 && Roles.Count == 0;
}
