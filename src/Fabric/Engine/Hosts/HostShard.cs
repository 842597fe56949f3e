using System.Globalization;

namespace Fabric.Engine.Hosts;

/// <summary>
/// One of <see cref="Count"/> slices of every task's host list (K of N), so that N runs, on N machines,
/// with K = 1..N together run each task on each of its hosts exactly once.
/// </summary>
/// <remarks>
/// A host's shard is its rank in the list sorted by host string (ordinal), modulo N: a round robin, so shards differ
/// by at most one host, and the split depends only on which hosts the list holds, not on their order (a role
/// function that asks an inventory may return them in another order on each machine). Each slice keeps the
/// list's own order. Tasks with no hosts and <c>[RunsOnce]</c> tasks belong to shard 1 (<see cref="RunsWholeTasks"/>).
/// </remarks>
/// <param name="Index">K: which slice, from 1.</param>
/// <param name="Count">N: how many slices.</param>
public sealed record HostShard(int Index, int Count)
{
    /// <summary>The whole list: <c>1/1</c>.</summary>
    public static HostShard All { get; } = new(1, 1);

    /// <summary>True for the shard that runs tasks that are not split: local-only, <c>[RunsOnce]</c>, every host excluded.</summary>
    public bool RunsWholeTasks => Index == 1;

    /// <summary>This shard's hosts of <paramref name="hosts"/>, in their order there.</summary>
    public IReadOnlyList<HostString> Select(IReadOnlyList<HostString> hosts)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        if (Count == 1)
        {
            return hosts;
        }

        var rank = Enumerable.Range(0, hosts.Count)
            .OrderBy(i => hosts[i].Original, StringComparer.Ordinal)
            .ThenBy(i => i)
            .Select((position, r) => (position, r))
            .ToDictionary(p => p.position, p => p.r);
        return [.. hosts.Where((_, i) => rank[i] % Count == Index - 1)];
    }

    /// <summary>
    /// This shard's part of a task's host list, or null when it has nothing of the task: a task that is not split
    /// (local-only, <paramref name="runsOnce"/>, every host excluded) outside shard 1, or none of the list's hosts.
    /// </summary>
    public HostList? Slice(HostList hosts, bool runsOnce)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        if (hosts.IsLocalOnly || hosts.IsAllExcluded || runsOnce)
        {
            return RunsWholeTasks ? hosts : null;
        }

        var mine = Select(hosts.Hosts);
        return mine.Count == 0 ? null : hosts with { Hosts = mine };
    }

    /// <summary>What <see cref="Slice"/> gives, in a sentence (for debug lines and the dry run).</summary>
    public string Describe(HostList whole, bool runsOnce)
    {
        ArgumentNullException.ThrowIfNull(whole);
        var slice = Slice(whole, runsOnce);
        if (whole.IsLocalOnly || whole.IsAllExcluded || runsOnce)
        {
            return slice is null
                ? $"not split into shards, it runs in shard 1 only: skipped in shard {this}."
                : $"not split into shards: runs in shard {this}.";
        }

        return slice is null
            ? $"shard {this} has none of its {whole.Hosts.Count} hosts: skipped."
            : $"shard {this} runs {slice.Hosts.Count} of its {whole.Hosts.Count} hosts: {string.Join(", ", slice.Hosts.Select(h => h.Original))}.";
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Index}/{Count}";
}
