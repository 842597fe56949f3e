namespace Fabric.Engine.Transfers;

/// <summary>
/// Shell pattern matching of one path segment, as <c>sh</c> expands globs: <c>*</c>, <c>?</c>, <c>[abc]</c>,
/// <c>[a-z]</c>, <c>[!abc]</c> (and <c>[^abc]</c>), <c>\</c> to take the next character literally; a leading <c>.</c> is
/// matched only by a pattern that starts with one.
/// </summary>
internal static class GlobPattern
{
    /// <summary>Whether <paramref name="text"/> has any glob character.</summary>
    public static bool IsGlob(string text) => text.AsSpan().IndexOfAny("*?[") >= 0;

    public static bool IsMatch(string pattern, string name)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(name);
        if (name.StartsWith('.') && !pattern.StartsWith('.'))
        {
            return false;
        }

        return Match(pattern, 0, name, 0);
    }

    private static bool Match(string p, int pi, string s, int si)
    {
        while (pi < p.Length)
        {
            switch (p[pi])
            {
                case '*':
                    while (pi < p.Length && p[pi] == '*')
                    {
                        pi++;
                    }

                    if (pi == p.Length)
                    {
                        return true;
                    }

                    for (var k = si; k <= s.Length; k++)
                    {
                        if (Match(p, pi, s, k))
                        {
                            return true;
                        }
                    }

                    return false;
                case '?':
                    if (si >= s.Length)
                    {
                        return false;
                    }

                    pi++;
                    si++;
                    break;
                case '[' when ClassEnd(p, pi) is var end and > 0:
                    if (si >= s.Length || !InClass(p, pi + 1, end, s[si]))
                    {
                        return false;
                    }

                    pi = end + 1;
                    si++;
                    break;
                default:
                    if (p[pi] == '\\' && pi + 1 < p.Length)
                    {
                        pi++;
                    }

                    if (si >= s.Length || p[pi] != s[si])
                    {
                        return false;
                    }

                    pi++;
                    si++;
                    break;
            }
        }

        return si == s.Length;
    }

    /// <summary>Where the bracket expression opened at <paramref name="open"/> closes, or -1 (then <c>[</c> is literal).</summary>
    private static int ClassEnd(string p, int open)
    {
        var i = open + 1;
        if (i < p.Length && p[i] is '!' or '^')
        {
            i++;
        }

        if (i < p.Length && p[i] == ']')
        {
            i++;
        }

        while (i < p.Length && p[i] != ']')
        {
            i++;
        }

        return i < p.Length ? i : -1;
    }

    private static bool InClass(string p, int from, int end, char c)
    {
        var negate = p[from] is '!' or '^';
        var i = negate ? from + 1 : from;
        var found = false;
        var first = true;
        while (i < end)
        {
            if (p[i] == ']' && !first)
            {
                break;
            }

            first = false;
            if (i + 2 < end && p[i + 1] == '-')
            {
                found |= c >= p[i] && c <= p[i + 2];
                i += 3;
            }
            else
            {
                found |= c == p[i];
                i++;
            }
        }

        return found != negate;
    }
}
