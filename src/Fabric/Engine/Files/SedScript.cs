using System.Text;

namespace Fabric.Engine.Files;

/// <summary>
/// The <c>sed</c> command lines of <c>Sed</c>, <c>Comment</c> and <c>Uncomment</c>: <c>sed -i.bak -E -e 'script' file</c>,
/// which GNU sed and BusyBox sed both run, editing the file in place (a new file with the old one's owner and mode, the
/// old one renamed to the backup). The delimiter of each expression is one its text does not hold (<c>/</c> when it
/// can be), so that a <c>/</c> in an expression, even inside a bracket expression, is never misread, and nothing the user
/// wrote needs to be escaped for it.
/// </summary>
internal static class SedScript
{
    /// <summary>Delimiters to choose from, most readable first; control characters only when all the others are taken.</summary>
    private const string Delimiters = "/|#%@,:!~=;\u0001\u0002\u0003\u0004\u0005\u0006\u0007";

    /// <summary>
    /// Fabric's <c>sed</c>: <c>/limit/ s/before/after/flagsg</c>: <paramref name="before"/> and <paramref name="limit"/> are
    /// extended regular expressions, <paramref name="after"/> a replacement (<c>&amp;</c> the match, <c>\1</c> a group,
    /// <c>\\</c> a backslash, a line break a line break), every match on a line replaced.
    /// </summary>
    public static string Substitute(string before, string after, string limit = "", string flags = "")
    {
        ArgumentException.ThrowIfNullOrEmpty(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(limit);
        RefuseLineBreak(before, nameof(before));
        RefuseLineBreak(limit, nameof(limit));
        var d = Delimiter(before, after, limit);
        var address = limit.Length == 0 ? "" : Address(limit, d) + " ";
        return $"{address}s{d}{before}{d}{Replacement(after)}{d}{Flags(flags)}";
    }

    /// <summary>
    /// Comments out whole lines: those matching <paramref name="regex"/> (anchored as Fabric anchors it) and not already
    /// starting, after blanks, with the comment string, get it put in front: <c>foo</c> → <c>#foo</c>. Two expressions:
    /// skip a commented line, else comment a matching one; so commenting twice comments once.
    /// </summary>
    public static string[] Comment(string regex, string commentString)
    {
        ArgumentNullException.ThrowIfNull(regex);
        RefuseLineBreak(regex, nameof(regex));
        var marker = CommentMarker(commentString);
        var commented = "^[[:space:]]*" + ExtendedRegex.Literal(marker.TrimEnd());
        var anchored = ExtendedRegex.Anchored(regex);
        var insert = Replacement(EscapeReplacement(marker));
        var d = Delimiter(commented, anchored, insert);
        return [Address(commented, d) + " b", $"{Address(anchored, d)} s{d}^{d}{insert}{d}"];
    }

    /// <summary>
    /// Fabric's <c>uncomment</c>: on lines matching <paramref name="regex"/> (as they are, comment included), the comment
    /// string after any leading blanks is removed with one blank after it: <c>  # foo</c> → <c>  foo</c>.
    /// </summary>
    public static string Uncomment(string regex, string commentString)
    {
        ArgumentNullException.ThrowIfNull(regex);
        var marker = CommentMarker(commentString);
        return Substitute("^([[:space:]]*)" + ExtendedRegex.Literal(marker) + "[[:space:]]?", "\\1", regex);
    }

    /// <summary>
    /// The command: <c>sed -i[backup] -E -e 'expression'… path</c>. An empty <paramref name="backup"/> keeps no copy; any
    /// other is the suffix of the copy of the file as it was (GNU sed, not BusyBox, reads a <c>*</c> in it as the file's name).
    /// </summary>
    public static string Command(string path, string backup, params string[] expressions)
    {
        ArgumentNullException.ThrowIfNull(backup);
        ArgumentNullException.ThrowIfNull(expressions);
        RefuseLineBreak(backup, nameof(backup));
        ShellWords.RefuseNul(backup, nameof(backup));
        var command = new StringBuilder("sed -i");
        if (backup.Length > 0)
        {
            command.Append(ShellWords.Text(backup));
        }

        command.Append(" -E");
        foreach (var expression in expressions)
        {
            ShellWords.RefuseNul(expression, nameof(expressions));
            command.Append(" -e ").Append(Ssh.ShellQuoting.Quote(expression));
        }

        return command.Append(' ').Append(ShellWords.Path(path)).ToString();
    }

    /// <summary>The first delimiter none of <paramref name="parts"/> holds.</summary>
    internal static char Delimiter(params string[] parts)
    {
        foreach (var d in Delimiters)
        {
            if (!parts.Any(p => p.Contains(d, StringComparison.Ordinal)))
            {
                return d;
            }
        }

        throw new ArgumentException("The expressions hold every character sed could use as their delimiter.", nameof(parts));
    }

    /// <summary>An address: <c>/re/</c>, or <c>\%re%</c> with another delimiter.</summary>
    private static string Address(string regex, char d) => d == '/' ? $"/{regex}/" : $"\\{d}{regex}{d}";

    /// <summary>A replacement with each line break escaped, as POSIX sed wants one inside it.</summary>
    private static string Replacement(string after) => after.Replace("\n", "\\\n", StringComparison.Ordinal);

    /// <summary>Text that a replacement puts in as it is: <c>\</c> and <c>&amp;</c> escaped.</summary>
    private static string EscapeReplacement(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("&", "\\&", StringComparison.Ordinal);

    /// <summary>
    /// Fabric's flags, then <c>g</c> (always, as Fabric: a <c>g</c> given is not repeated). Letters and digits only, so that
    /// nothing can end the expression: <c>i</c>/<c>I</c> ignore case, a number replaces from that match on.
    /// </summary>
    private static string Flags(string flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        if (!flags.All(c => char.IsAsciiDigit(c) || c is 'i' or 'I' or 'g'))
        {
            throw new ArgumentException($"'{flags}' is not a set of sed flags GNU and BusyBox sed share: give i (ignore case) or a number; g is always added.", nameof(flags));
        }

        return flags.Replace("g", "", StringComparison.Ordinal) + "g";
    }

    private static string CommentMarker(string commentString)
    {
        ArgumentNullException.ThrowIfNull(commentString);
        if (string.IsNullOrWhiteSpace(commentString) || commentString.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException("The comment string (char) must hold something other than blanks, on one line (such as # or //).", nameof(commentString));
        }

        return commentString;
    }

    private static void RefuseLineBreak(string text, string parameter)
    {
        if (text.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException("sed works line by line: this expression cannot hold a line break.", parameter);
        }
    }
}
