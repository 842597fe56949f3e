using System.Collections;

namespace Fabric;

/// <summary>
/// What an operation of a <see cref="Group"/> did on each of its hosts, in the group's host order: a value or a readable
/// failure per host (<see cref="HostResult{T}"/>). A failure on one host never stops the others; look at
/// <see cref="Failed"/>, or call <see cref="ThrowIfAnyFailed"/>.
/// </summary>
/// <typeparam name="T">What the operation returns on a host.</typeparam>
public sealed class GroupResult<T> : IReadOnlyList<HostResult<T>>
{
    private readonly IReadOnlyList<HostResult<T>> _results;

    /// <summary>The results of the hosts, in order.</summary>
    /// <param name="results">One per host; host strings must be distinct.</param>
    public GroupResult(IEnumerable<HostResult<T>> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        _results = [.. results];
        Succeeded = [.. _results.Where(r => r.Succeeded)];
        Failed = [.. _results.Where(r => r.Failed)];
    }

    /// <summary>The hosts where it succeeded, in order.</summary>
    public IReadOnlyList<HostResult<T>> Succeeded { get; }

    /// <summary>The hosts where it failed, in order.</summary>
    public IReadOnlyList<HostResult<T>> Failed { get; }

    /// <summary>True when it succeeded on every host (also when there were none).</summary>
    public bool AllSucceeded => Failed.Count == 0;

    /// <summary>How many hosts.</summary>
    public int Count => _results.Count;

    /// <summary>The result of the host at <paramref name="index"/> of the group.</summary>
    /// <param name="index">The host's position in the group.</param>
    public HostResult<T> this[int index] => _results[index];

    /// <summary>The result of <paramref name="host"/>, as written in the group.</summary>
    /// <param name="host">The host string.</param>
    /// <exception cref="KeyNotFoundException">The group has no such host.</exception>
    public HostResult<T> this[string host] =>
        _results.FirstOrDefault(r => string.Equals(r.Host, host, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"The group has no host '{host}'.");

    /// <summary>Throws <see cref="GroupFailedException"/> when it failed on any host; else returns this result.</summary>
    /// <returns>This result, when every host succeeded.</returns>
    /// <exception cref="GroupFailedException">It failed on one host or more; the message names each with its error.</exception>
    public GroupResult<T> ThrowIfAnyFailed() =>
        AllSucceeded ? this : throw new GroupFailedException(Describe(), Failed.ToDictionary(f => f.Host, f => f.Error!, StringComparer.Ordinal));

    /// <summary>
    /// In words: <c>Succeeded on all 5 hosts.</c>, or <c>Failed on 1 of 5 hosts (web3):</c> followed by a line
    /// <c>  [web3] error</c> per failed host.
    /// </summary>
    /// <returns>The text.</returns>
    public string Describe()
    {
        if (AllSucceeded)
        {
            return $"Succeeded on all {Count} hosts.";
        }

        var lines = Failed.Select(f => $"  [{f.Host}] {f.Error!.ReplaceLineEndings("\n").Replace("\n", "\n  ", StringComparison.Ordinal)}");
        return $"Failed on {Failed.Count} of {Count} hosts ({string.Join(", ", Failed.Select(f => f.Host))}):\n" + string.Join('\n', lines);
    }

    /// <summary>The same as <see cref="Describe"/>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Describe();

    /// <summary>The hosts' results, in order.</summary>
    /// <returns>An enumerator.</returns>
    public IEnumerator<HostResult<T>> GetEnumerator() => _results.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
