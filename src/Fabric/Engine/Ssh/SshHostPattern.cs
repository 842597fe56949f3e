namespace Fabric.Engine.Ssh;

/// <summary>
/// The pattern lists of <c>~/.ssh/config</c>'s <c>Host</c> lines and of known_hosts entries, matched as OpenSSH does: <c>*</c> and <c>?</c>
/// wildcards, case-insensitive; a list matches when one pattern matches and no <c>!</c>-negated one does.
/// </summary>
internal static class SshHostPattern
{
    /// <summary>True when <paramref name="host"/> matches the list (<c>web* !web3</c>).</summary>
    public static bool MatchesList(IEnumerable<string> patterns, string host)
    {
        var matched = false;
        foreach (var pattern in patterns)
        {
            if (pattern.StartsWith('!'))
            {
                if (Matches(pattern[1..], host))
                {
                    return false;
                }
            }
            else if (Matches(pattern, host))
            {
                matched = true;
            }
        }

        return matched;
    }

    /// <summary>True when <paramref name="host"/> matches one wildcard pattern.</summary>
    public static bool Matches(string pattern, string host) => Matches(pattern.AsSpan(), host.AsSpan());

    private static bool Matches(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        while (pattern.Length > 0)
        {
            if (pattern[0] == '*')
            {
                pattern = pattern.TrimStart('*');
                if (pattern.Length == 0)
                {
                    return true;
                }

                for (var i = 0; i <= text.Length; i++)
                {
                    if (Matches(pattern, text[i..]))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (text.Length == 0 || (pattern[0] != '?' && char.ToLowerInvariant(pattern[0]) != char.ToLowerInvariant(text[0])))
            {
                return false;
            }

            pattern = pattern[1..];
            text = text[1..];
        }

        return text.Length == 0;
    }
}
