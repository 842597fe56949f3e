namespace Fabric.Engine.Tasks;

/// <summary>Finds the names a mistyped one was probably meant to be, for "did you mean" messages.</summary>
internal static class NameSuggestions
{
    /// <summary>
    /// The candidates close to <paramref name="name"/> (compared in <see cref="TaskNames.Normalize"/> form), closest first:
    /// those that start with it or whose edit distance is at most a third of the longer name (at least 1).
    /// </summary>
    public static IReadOnlyList<string> Closest(string name, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(candidates);
        var wanted = TaskNames.Normalize(name);
        return [.. candidates
            .Select(candidate => (Candidate: candidate, Distance: Distance(wanted, TaskNames.Normalize(candidate))))
            .Where(match => match.Distance <= Math.Max(1, Math.Max(wanted.Length, TaskNames.Normalize(match.Candidate).Length) / 3)
                || (wanted.Length > 0 && TaskNames.Normalize(match.Candidate).StartsWith(wanted, StringComparison.Ordinal)))
            .OrderBy(match => match.Distance)
            .Select(match => match.Candidate)];
    }

    /// <summary>The Levenshtein distance: single-character insertions, deletions and substitutions.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
