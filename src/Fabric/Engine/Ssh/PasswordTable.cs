using System.Collections;
using System.Collections.Concurrent;
using Fabric.Engine.Hosts;

namespace Fabric.Engine.Ssh;

/// <summary>
/// <c>Env.Passwords</c>: login passwords by host string, as Fabric's <c>env.passwords</c>, keyed <c>user@host:port</c>.
/// A key may leave out the user or the port (<c>web1</c>, <c>deploy@web1</c>, <c>web1:2222</c>): it then covers every user
/// or port of that host, and the most specific key that covers a login wins. A key that is no host string is refused when
/// set; every password set is remembered among the run's secrets, so output masks it. Executions may use it at once.
/// </summary>
internal sealed class PasswordTable(Action<string> remember) : IDictionary<string, string>
{
    private readonly ConcurrentDictionary<string, (HostString Key, string Password)> _entries = new(StringComparer.Ordinal);

    /// <summary>
    /// The password for <paramref name="user"/> on <paramref name="host"/> (the name as the host string wrote it) at
    /// <paramref name="port"/>: the entry naming all three, else user and host, else host and port, else the host alone; null: none.
    /// </summary>
    public string? Find(string user, string host, int port)
    {
        string? best = null;
        var bestRank = -1;
        foreach (var (key, password) in _entries.Values)
        {
            if (!string.Equals(key.Host, host, StringComparison.OrdinalIgnoreCase)
                || (key.User is not null && !string.Equals(key.User, user, StringComparison.Ordinal))
                || (key.Port is not null && key.Port != port))
            {
                continue;
            }

            var rank = (key.User is null ? 0 : 2) + (key.Port is null ? 0 : 1);
            if (rank > bestRank)
            {
                (best, bestRank) = (password, rank);
            }
        }

        return best;
    }

    /// <summary>Parses a key; a bad one is an <see cref="ArgumentException"/> naming it and why.</summary>
    internal static HostString ParseKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        try
        {
            return HostString.Parse(key, "the keys of Env.Passwords (user@host:port)");
        }
        catch (FabricUsageException e)
        {
            throw new ArgumentException(e.Message, nameof(key), e);
        }
    }

    public string this[string key]
    {
        get => _entries.TryGetValue(key, out var entry) ? entry.Password : throw new KeyNotFoundException($"Env.Passwords has no entry for '{key}'.");
        set => Set(key, value, overwrite: true);
    }

    public ICollection<string> Keys => [.. _entries.Keys];

    public ICollection<string> Values => [.. _entries.Values.Select(e => e.Password)];

    public int Count => _entries.Count;

    public bool IsReadOnly => false;

    public void Add(string key, string value) => Set(key, value, overwrite: false);

    public void Add(KeyValuePair<string, string> item) => Add(item.Key, item.Value);

    public void Clear() => _entries.Clear();

    public bool Contains(KeyValuePair<string, string> item) =>
        _entries.TryGetValue(item.Key, out var entry) && string.Equals(entry.Password, item.Value, StringComparison.Ordinal);

    public bool ContainsKey(string key) => _entries.ContainsKey(key);

    public void CopyTo(KeyValuePair<string, string>[] array, int arrayIndex) => this.ToList().CopyTo(array, arrayIndex);

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() =>
        _entries.Select(e => new KeyValuePair<string, string>(e.Key, e.Value.Password)).GetEnumerator();

    public bool Remove(string key) => _entries.TryRemove(key, out _);

    public bool Remove(KeyValuePair<string, string> item) =>
        _entries.TryGetValue(item.Key, out var entry) && string.Equals(entry.Password, item.Value, StringComparison.Ordinal)
        && _entries.TryRemove(new KeyValuePair<string, (HostString, string)>(item.Key, entry));

    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out string value)
    {
        var found = _entries.TryGetValue(key, out var entry);
        value = found ? entry.Password : null;
        return found;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private void Set(string key, string value, bool overwrite)
    {
        var parsed = ParseKey(key);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0)
        {
            remember(value);
        }

        if (overwrite)
        {
            _entries[key] = (parsed, value);
        }
        else if (!_entries.TryAdd(key, (parsed, value)))
        {
            throw new ArgumentException($"Env.Passwords already has an entry for '{key}'.", nameof(key));
        }
    }
}
