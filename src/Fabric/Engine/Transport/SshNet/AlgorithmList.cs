namespace Fabric.Engine.Transport.SshNet;

/// <summary>
/// OpenSSH's syntax for an algorithm list (<c>KexAlgorithms</c>, <c>HostKeyAlgorithms</c>): <c>a,b</c> exactly these,
/// <c>+a,b</c> appended to the default, <c>-a,b</c> removed from it, <c>^a,b</c> placed first. Names this client does
/// not know are dropped, as are duplicates.
/// </summary>
internal static class AlgorithmList
{
    /// <summary>The list <paramref name="spec"/> makes of <paramref name="defaults"/>, out of <paramref name="available"/>; may be empty.</summary>
    public static List<string> Apply(IReadOnlyList<string> defaults, IReadOnlyList<string> available, string spec)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        ArgumentNullException.ThrowIfNull(available);
        ArgumentNullException.ThrowIfNull(spec);
        spec = spec.Trim();
        if (spec.Length == 0)
        {
            return [.. defaults];
        }

        var names = spec.TrimStart('+', '-', '^').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        IEnumerable<string> order = spec[0] switch
        {
            '+' => [.. defaults, .. names.Where(n => available.Contains(n) && !defaults.Contains(n))],
            '-' => defaults.Where(d => !names.Contains(d)),
            '^' => [.. names.Where(available.Contains), .. defaults.Where(d => !names.Contains(d))],
            _ => names.Where(available.Contains),
        };
        return [.. order.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>True when <paramref name="spec"/> only adds to or removes from the default (<c>+</c>, <c>-</c>), or is empty.</summary>
    public static bool KeepsDefaultOrder(string? spec) => string.IsNullOrWhiteSpace(spec) || spec.Trim()[0] is '+' or '-';
}
