namespace Fabric.Engine.Hosts;

/// <summary>A task's host list, built by <see cref="HostListBuilder"/>.</summary>
/// <param name="Source">The source that named something (or <see cref="HostListSource.None"/>).</param>
/// <param name="Hosts">The hosts to run on, in order, after merging, de-duplication and exclusion.</param>
/// <param name="Excluded">Hosts of the source that exclusions removed, in order.</param>
public sealed record HostList(HostListSource Source, IReadOnlyList<HostString> Hosts, IReadOnlyList<HostString> Excluded)
{
    /// <summary>No source named anything: run once, with no host.</summary>
    public bool IsLocalOnly => Source == HostListSource.None;

    /// <summary>A source named hosts but exclusions removed them all: skip the task with a warning.</summary>
    public bool IsAllExcluded => Source != HostListSource.None && Hosts.Count == 0;
}
