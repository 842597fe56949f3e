using System.Text;

namespace Fabric.Engine.Ssh;

/// <summary>POSIX shell quoting of values the user passes (directories, variables, paths, globs).</summary>
internal static class ShellQuoting
{
    /// <summary>One shell word with exactly this text: <c>it's</c> → <c>'it'"'"'s'</c>.</summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return "'" + text.Replace("'", "'\"'\"'", StringComparison.Ordinal) + "'";
    }

    /// <summary>
    /// A path as one shell word, keeping a leading <c>~</c> or <c>~/</c> unquoted so the shell expands it
    /// to the home directory: <c>~/my app</c> → <c>~/'my app'</c>.
    /// </summary>
    public static string QuotePath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path == "~")
        {
            return "~";
        }

        return path.StartsWith("~/", StringComparison.Ordinal)
            ? "~/" + (path.Length == 2 ? "" : Quote(path[2..]))
            : Quote(path);
    }

    /// <summary>
    /// A glob pattern as one shell word that still expands: <c>*</c>, <c>?</c> and <c>[…]</c> stay active,
    /// every other character is taken literally; a leading <c>~/</c> expands to the home directory.
    /// </summary>
    public static string QuoteGlob(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var builder = new StringBuilder();
        var rest = pattern;
        if (rest == "~" || rest.StartsWith("~/", StringComparison.Ordinal))
        {
            builder.Append('~');
            rest = rest[1..];
        }

        foreach (var c in rest)
        {
            if (c is '*' or '?' or '[' or ']' or '/' or '.' or '-' or '_' || char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (c == '\n')
            {
                builder.Append("'\n'");
            }
            else
            {
                builder.Append('\\').Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>True when <paramref name="name"/> can be exported as a shell variable.</summary>
    public static bool IsVariableName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
