namespace Fabric.Engine.Arguments;

/// <summary>Splits a <c>task:args</c> token.</summary>
internal static class TaskInvocationParser
{
    /// <summary>
    /// Splits at the first unescaped <c>:</c>; the rest at unescaped <c>,</c>; each piece at its first
    /// unescaped <c>=</c> into name and value (so <c>k=v=w</c> is <c>k</c> = <c>v=w</c>), else positional.
    /// <c>\,</c> <c>\=</c> <c>\:</c> <c>\\</c> are literal. A dangling <c>\</c> at the end, or an empty name
    /// (<c>=v</c>, <c>:a</c>) is a <see cref="FabricUsageException"/> naming the token.
    /// </summary>
    public static TaskInvocation Parse(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var text = Scan(token);
        var colon = IndexOfUnescaped(text, ':', 0, text.Count);
        var nameEnd = colon < 0 ? text.Count : colon;
        var name = Text(text, 0, nameEnd);
        if (name.Length == 0)
        {
            throw Invalid(token, "the task name is missing");
        }

        var positional = new List<string>();
        var named = new List<KeyValuePair<string, string>>();
        if (colon >= 0 && colon + 1 < text.Count)
        {
            var start = colon + 1;
            while (start <= text.Count)
            {
                var comma = IndexOfUnescaped(text, ',', start, text.Count);
                var end = comma < 0 ? text.Count : comma;
                var equals = IndexOfUnescaped(text, '=', start, end);
                if (equals < 0)
                {
                    positional.Add(Text(text, start, end));
                }
                else if (equals == start)
                {
                    throw Invalid(token, "an argument has '=' but no name before it");
                }
                else
                {
                    named.Add(new(Text(text, start, equals), Text(text, equals + 1, end)));
                }

                start = end + 1;
            }
        }

        return new TaskInvocation(token, name, positional, named);
    }

    /// <summary>The token's characters with escapes resolved, each marked when it was escaped.</summary>
    private static List<(char Char, bool Escaped)> Scan(string token)
    {
        var text = new List<(char, bool)>(token.Length);
        for (var i = 0; i < token.Length; i++)
        {
            var c = token[i];
            if (c != '\\')
            {
                text.Add((c, false));
            }
            else if (i + 1 == token.Length)
            {
                throw Invalid(token, @"it ends with a lone '\' (write '\\' for a backslash)");
            }
            else if (token[i + 1] is ',' or '=' or ':' or '\\')
            {
                text.Add((token[++i], true));
            }
            else
            {
                // Only the separators and the backslash itself are escapes: C:\dir stays as written.
                text.Add((c, false));
            }
        }

        return text;
    }

    private static int IndexOfUnescaped(List<(char Char, bool Escaped)> text, char separator, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (text[i] == (separator, false))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Text(List<(char Char, bool Escaped)> text, int start, int end) =>
        new([.. text[start..end].Select(item => item.Char)]);

    private static FabricUsageException Invalid(string token, string reason) =>
        new($"Invalid task argument '{token}': {reason}.");
}
