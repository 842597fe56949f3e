using System.Text;

namespace Fabric.Engine.Files;

/// <summary>POSIX extended regular expressions (<c>grep -E</c>, <c>sed -E</c>), as GNU and BusyBox both read them.</summary>
internal static class ExtendedRegex
{
    /// <summary>
    /// An expression matching exactly <paramref name="text"/>: each character special in an ERE
    /// (<c>. [ \ ( ) * + ? { | ^ $</c>) behind a backslash, which POSIX defines as that character itself; nothing else is
    /// escaped (GNU grep warns about a backslash before an ordinary character).
    /// </summary>
    public static string Literal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '.' or '[' or '\\' or '(' or ')' or '*' or '+' or '?' or '{' or '|' or '^' or '$')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Fabric's anchoring of <c>comment</c>'s expression: the whole expression in a group, with a leading <c>^</c> and an
    /// unescaped trailing <c>$</c> kept outside it, so that they anchor every alternative: <c>^a|b$</c> → <c>^(a|b)$</c>.
    /// </summary>
    public static string Anchored(string regex)
    {
        ArgumentNullException.ThrowIfNull(regex);
        var caret = regex.StartsWith('^') ? "^" : "";
        var body = regex[caret.Length..];
        var dollar = body.EndsWith('$') && !EscapedAt(body, body.Length - 1) ? "$" : "";
        return caret + "(" + body[..(body.Length - dollar.Length)] + ")" + dollar;
    }

    /// <summary>True when the character at <paramref name="index"/> follows an odd number of backslashes.</summary>
    private static bool EscapedAt(string text, int index)
    {
        var count = 0;
        for (var i = index - 1; i >= 0 && text[i] == '\\'; i--)
        {
            count++;
        }

        return count % 2 == 1;
    }
}
