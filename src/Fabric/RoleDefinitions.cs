using System.Collections;

namespace Fabric;

/// <summary>
/// <c>Env.RoleDefs</c>: role names mapped to host lists, or to functions that return one. A function is
/// called only when a task's host list needs the role, never at load or by <c>--list</c>.
/// <code>
/// Env.RoleDefs["web"] = ["www1", "www2"];
/// Env.RoleDefs.Add("dns", () => LookupDnsServers());
/// </code>
/// </summary>
public sealed class RoleDefinitions : IEnumerable<KeyValuePair<string, Func<IEnumerable<string>>>>
{
    private readonly Dictionary<string, Func<IEnumerable<string>>> _roles = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>
    /// Gets the hosts of a role (calling its function, if it is lazy), or defines the role as a fixed list.
    /// </summary>
    /// <exception cref="KeyNotFoundException">Getting a role that is not defined.</exception>
    public IEnumerable<string> this[string role]
    {
        get => Resolve(role) ?? throw new KeyNotFoundException($"Role '{role}' is not defined.");
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            var hosts = value.ToArray();
            Set(role, () => hosts);
        }
    }

    /// <summary>The names of the defined roles, in no particular order.</summary>
    public IReadOnlyCollection<string> Names
    {
        get
        {
            lock (_gate)
            {
                return [.. _roles.Keys];
            }
        }
    }

    /// <summary>The number of defined roles.</summary>
    public int Count => Names.Count;

    /// <summary>Defines a role as a fixed list of host strings.</summary>
    public void Add(string role, IEnumerable<string> hosts) => this[role] = hosts;

    /// <summary>Defines a role by a function, called each time a task's host list needs the role.</summary>
    public void Add(string role, Func<IEnumerable<string>> hosts)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        Set(role, hosts);
    }

    /// <summary>True when the role is defined.</summary>
    public bool Contains(string role)
    {
        lock (_gate)
        {
            return _roles.ContainsKey(role);
        }
    }

    /// <summary>Removes a role; true if it was defined.</summary>
    public bool Remove(string role)
    {
        lock (_gate)
        {
            return _roles.Remove(role);
        }
    }

    /// <summary>Removes every role.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _roles.Clear();
        }
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, Func<IEnumerable<string>>>> GetEnumerator()
    {
        KeyValuePair<string, Func<IEnumerable<string>>>[] copy;
        lock (_gate)
        {
            copy = [.. _roles];
        }

        return ((IEnumerable<KeyValuePair<string, Func<IEnumerable<string>>>>)copy).GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The role's hosts, calling its function if it is lazy; null when the role is not defined.</summary>
    internal IReadOnlyList<string>? Resolve(string role)
    {
        Func<IEnumerable<string>>? definition;
        lock (_gate)
        {
            _roles.TryGetValue(role, out definition);
        }

        return definition is null ? null : [.. definition() ?? []];
    }

    private void Set(string role, Func<IEnumerable<string>> definition)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        lock (_gate)
        {
            _roles[role] = definition;
        }
    }
}
