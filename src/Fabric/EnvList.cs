using System.Collections;
using System.Runtime.CompilerServices;

namespace Fabric;

/// <summary>
/// A list of strings in <c>Env</c> (<see cref="FabricEnv.Hosts"/>, <see cref="FabricEnv.Roles"/>,
/// <see cref="FabricEnv.ExcludeHosts"/>, <see cref="FabricEnv.Secrets"/>) that the executions of a <c>[Parallel]</c> task
/// may change and read at the same time: every change is kept, and reading or enumerating it sees the list as it was at
/// one moment, never half a change (a <c>foreach</c> over it goes on over that copy while others add to it). It is used
/// like a <see cref="List{T}"/>: <c>Env.Hosts.Add("web3")</c>, <c>Env.Hosts.AddRange([...])</c>,
/// <c>Env.Hosts = ["web1", "web2"]</c>, <c>Env.Hosts.Remove("web2")</c>.
/// </summary>
/// <remarks>
/// It is deliberately no <see cref="ICollection{T}"/>: copying one (<c>new List&lt;string&gt;(…)</c>, <c>ToList()</c>)
/// would then read <see cref="Count"/> and the items in two steps, and an item added in between overruns the copy. Copies
/// enumerate it instead, which reads one consistent set of items.
/// </remarks>
[CollectionBuilder(typeof(EnvList), nameof(Create))]
public sealed class EnvList : IReadOnlyList<string>
{
    private readonly Lock _gate = new();
    private readonly List<string> _items;

    /// <summary>The items as of the last change, shared by every reader until the next one; null: not taken since that change.</summary>
    private string[]? _snapshot;

    /// <summary>An empty list.</summary>
    public EnvList() => _items = [];

    /// <summary>A list holding <paramref name="items"/>.</summary>
    public EnvList(IEnumerable<string> items) => _items = [.. items ?? throw new ArgumentNullException(nameof(items))];

    /// <summary>The number of items now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    /// <summary>
    /// The items as of now, unchanged by later changes. Reading it after no change is one memory read: output masking
    /// reads <see cref="FabricEnv.Secrets"/> this way on every line.
    /// </summary>
    internal IReadOnlyList<string> Snapshot
    {
        get
        {
            var snapshot = Volatile.Read(ref _snapshot);
            if (snapshot is not null)
            {
                return snapshot;
            }

            lock (_gate)
            {
                snapshot = _snapshot ?? [.. _items];
                Volatile.Write(ref _snapshot, snapshot);
                return snapshot;
            }
        }
    }

    /// <summary>Gets or replaces the item at <paramref name="index"/>.</summary>
    public string this[int index]
    {
        get
        {
            lock (_gate)
            {
                return _items[index];
            }
        }

        set => Change(items => items[index] = value);
    }

    /// <summary>A list of <paramref name="items"/>: what a list expression (<c>["a", "b"]</c>) makes.</summary>
    public static EnvList Create(ReadOnlySpan<string> items) => new(items.ToArray());

    /// <summary>A copy of <paramref name="items"/>, so that code assigning a <see cref="List{T}"/> to <c>Env</c> keeps compiling.</summary>
    public static implicit operator EnvList(List<string> items) => new(items);

    /// <summary>A copy of <paramref name="items"/>.</summary>
    public static implicit operator EnvList(string[] items) => new(items);

    /// <summary>A copy of <paramref name="items"/> (the named form of the conversion from a list).</summary>
    public static EnvList FromList(List<string> items) => new(items);

    /// <summary>A copy of <paramref name="items"/> (the named form of the conversion from an array).</summary>
    public static EnvList FromArray(string[] items) => new(items);

    /// <summary>Adds <paramref name="item"/> at the end.</summary>
    public void Add(string item) => Change(items => items.Add(item));

    /// <summary>Adds <paramref name="items"/> at the end, all in one change.</summary>
    public void AddRange(IEnumerable<string> items)
    {
        string[] added = [.. items ?? throw new ArgumentNullException(nameof(items))];
        Change(list => list.AddRange(added));
    }

    /// <summary>Inserts <paramref name="item"/> at <paramref name="index"/>.</summary>
    public void Insert(int index, string item) => Change(items => items.Insert(index, item));

    /// <summary>Removes the first <paramref name="item"/>; true if there was one.</summary>
    public bool Remove(string item)
    {
        var removed = false;
        Change(items => removed = items.Remove(item));
        return removed;
    }

    /// <summary>Removes the item at <paramref name="index"/>.</summary>
    public void RemoveAt(int index) => Change(items => items.RemoveAt(index));

    /// <summary>Removes every item <paramref name="match"/> accepts, and returns how many.</summary>
    public int RemoveAll(Predicate<string> match)
    {
        ArgumentNullException.ThrowIfNull(match);
        var removed = 0;
        Change(items => removed = items.RemoveAll(match));
        return removed;
    }

    /// <summary>Removes every item.</summary>
    public void Clear() => Change(items => items.Clear());

    /// <summary>True when the list holds <paramref name="item"/>.</summary>
    public bool Contains(string item) => Snapshot.Contains(item);

    /// <summary>The index of the first <paramref name="item"/>, or -1.</summary>
    public int IndexOf(string item)
    {
        lock (_gate)
        {
            return _items.IndexOf(item);
        }
    }

    /// <summary>Enumerates the items as they are when enumeration starts; changes made meanwhile do not disturb it.</summary>
    public IEnumerator<string> GetEnumerator() => Snapshot.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Replaces every item with <paramref name="items"/> in one change (what assigning to an <c>Env</c> list does).</summary>
    internal void ReplaceWith(IEnumerable<string> items)
    {
        string[] copy = [.. items];
        Change(list =>
        {
            list.Clear();
            list.AddRange(copy);
        });
    }

    private void Change(Action<List<string>> change)
    {
        lock (_gate)
        {
            change(_items);
            Volatile.Write(ref _snapshot, null);
        }
    }
}
