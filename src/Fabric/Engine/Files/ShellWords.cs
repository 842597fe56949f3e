using Fabric.Engine.Ssh;

namespace Fabric.Engine.Files;

/// <summary>
/// Shell words for the file helpers' commands: a path or any text as exactly one word of a POSIX shell, left bare when
/// the shell would read it as it is (so the command shown stays readable: <c>sed … /etc/hosts</c>), single-quoted otherwise.
/// </summary>
internal static class ShellWords
{
    /// <summary>
    /// A path as one word: a leading <c>~</c> or <c>~/</c> stays unquoted so that the shell makes it the home folder (of the
    /// user the command runs as), the rest is literal (no variables, no globs); a relative path starting with <c>-</c> is
    /// written <c>./-x</c>, so that no tool takes it for an option.
    /// </summary>
    public static string Path(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        RefuseNul(path, nameof(path));
        if (path == "~")
        {
            return "~";
        }

        if (path.StartsWith("~/", StringComparison.Ordinal))
        {
            return path.Length == 2 ? "~/" : "~/" + Text(path[2..]);
        }

        return Text(path.StartsWith('-') ? "./" + path : path);
    }

    /// <summary>Any text as one word with exactly that value: bare when every character is plain, else single-quoted.</summary>
    public static string Text(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 0 && text.All(IsPlain) ? text : ShellQuoting.Quote(text);
    }

    /// <summary>Refuses a NUL character, which no shell word or command argument can hold.</summary>
    public static void RefuseNul(string text, string parameter)
    {
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("The text holds a NUL character, which a remote command line cannot carry.", parameter);
        }
    }

    private static bool IsPlain(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or '+' or ',' or ':' or '@' or '%' or '=';
}
