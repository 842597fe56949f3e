using System.Globalization;
using Fabric.EndToEnd.Tests.Ssh;

namespace Fabric.EndToEnd.Tests.Hosts;

/// <summary>
/// Watches the places on the server (this machine) where an upload could leave a copy of its file: <c>/tmp</c>, the
/// account's home and the target's folder. A trace is an entry that was not there before and is the upload's: anything
/// new in the home or the target's folder; in <c>/tmp</c> (shared with every other test), a new entry owned by the
/// account, or named after the file (<paramref name="stem"/>) or <c>fabric-put</c>, or a new folder holding such an
/// entry. Each look records the traces it sees and whether others could read one then (the file readable by others, and
/// every folder above it searchable by them): what a local user could have copied.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal sealed class ServerTraces
{
    private const string Tmp = "/tmp";
    private readonly string _uid;
    private readonly string _stem;
    private readonly string _target;
    private readonly string[] _private;
    private readonly HashSet<string> _before;
    private readonly Dictionary<string, string?> _owners = [];
    private readonly SortedSet<string> _seen = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _exposed = new(StringComparer.Ordinal);

    /// <param name="account">The account the upload logs in as.</param>
    /// <param name="stem">A part of the target's name unique to the test (temporary names are made from it).</param>
    /// <param name="target">The upload's target path (watched for exposure, never a leftover).</param>
    public ServerTraces(string account, string stem, string target)
    {
        _uid = SshdFixture.Exec("id", "-u", account).Trim();
        _stem = stem;
        _target = target;
        _private = [TestAccounts.Home(account), Path.GetDirectoryName(target)!];
        _before = [.. Walk(null)];
    }

    /// <summary>The size of the largest trace file (the target included) at the last look: how far the upload got.</summary>
    public long Largest { get; private set; }

    /// <summary>Every trace any look saw.</summary>
    public IReadOnlyCollection<string> Seen => _seen;

    /// <summary>Each trace a look saw readable by others, with its mode.</summary>
    public IReadOnlyCollection<string> Exposed => _exposed;

    /// <summary>Looks once; returns the traces there now, the target left out.</summary>
    public IReadOnlyList<string> Look()
    {
        var traces = Walk(_before).Distinct().Where(e => (!_before.Contains(e) && IsTrace(e)) || e == _target).ToList();
        long largest = 0;
        foreach (var trace in traces)
        {
            try
            {
                var mode = File.GetUnixFileMode(trace);
                if (File.Exists(trace))
                {
                    largest = Math.Max(largest, new FileInfo(trace).Length);
                    if (mode.HasFlag(UnixFileMode.OtherRead) && Searchable(Path.GetDirectoryName(trace)!))
                    {
                        _exposed.Add($"{trace} (mode {Convert.ToString((int)mode, 8)})");
                    }
                }
            }
            catch (IOException)
            {
                // Gone between the listing and the look.
            }

            _seen.Add(trace);
        }

        Largest = largest;
        return [.. traces.Where(t => t != _target)];
    }

    /// <summary>Looks until no trace is left (a server may clean up after the client has gone) or <paramref name="patience"/> is over; returns what is left.</summary>
    public async Task<IReadOnlyList<string>> LeftAfterAsync(TimeSpan patience)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var left = Look();
        while (left.Count > 0 && clock.Elapsed < patience)
        {
            await Task.Delay(100);
            left = Look();
        }

        return left;
    }

    /// <summary>Removes what an upload left (after the test has recorded it), so that the next run starts clean.</summary>
    public static void Remove(IEnumerable<string> left)
    {
        foreach (var trace in left)
        {
            SshdFixture.Exec("rm", "-rf", "--", trace);
        }
    }

    /// <summary>Entries of /tmp (and one level into folders new there), and everything under the private folders.</summary>
    private IEnumerable<string> Walk(HashSet<string>? before)
    {
        foreach (var entry in Entries(Tmp, SearchOption.TopDirectoryOnly))
        {
            yield return entry;
            if (before is not null && !before.Contains(entry) && Directory.Exists(entry))
            {
                foreach (var inner in Entries(entry, SearchOption.TopDirectoryOnly))
                {
                    yield return inner;
                }
            }
        }

        foreach (var folder in _private)
        {
            foreach (var entry in Entries(folder, SearchOption.AllDirectories))
            {
                yield return entry;
            }
        }
    }

    private bool IsTrace(string entry)
    {
        if (!entry.StartsWith(Tmp + "/", StringComparison.Ordinal))
        {
            return true;
        }

        var parent = Path.GetDirectoryName(entry)!;
        return parent == Tmp
            ? IsNamedOrOwned(entry) || (Directory.Exists(entry) && Entries(entry, SearchOption.TopDirectoryOnly).Any(IsNamedOrOwned))
            : IsNamedOrOwned(entry) || IsTrace(parent);
    }

    /// <summary>Named after the file or <c>fabric-put</c>, or the account's.</summary>
    private bool IsNamedOrOwned(string entry)
    {
        var name = Path.GetFileName(entry);
        return name.Contains(_stem, StringComparison.Ordinal) || name.StartsWith("fabric-put", StringComparison.Ordinal) || Owner(entry) == _uid;
    }

    /// <summary>The owner's uid (asked once per entry), null when it is gone.</summary>
    private string? Owner(string entry)
    {
        if (!_owners.TryGetValue(entry, out var owner))
        {
            try
            {
                owner = SshdFixture.Exec("stat", "-c", "%u", "--", entry).Trim();
            }
            catch (InvalidOperationException)
            {
                owner = null;
            }

            _owners[entry] = owner;
        }

        return owner;
    }

    /// <summary>Whether others may pass through <paramref name="folder"/> and every folder above it.</summary>
    private static bool Searchable(string folder)
    {
        for (var at = folder; !string.IsNullOrEmpty(at); at = Path.GetDirectoryName(at))
        {
            if (!File.GetUnixFileMode(at).HasFlag(UnixFileMode.OtherExecute))
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<string> Entries(string folder, SearchOption depth)
    {
        try
        {
            return [.. Directory.EnumerateFileSystemEntries(folder, "*", new EnumerationOptions { RecurseSubdirectories = depth == SearchOption.AllDirectories, IgnoreInaccessible = true, AttributesToSkip = 0 })];
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }
}
