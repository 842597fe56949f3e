namespace Fabric.Engine.Files;

/// <summary>
/// The scripts behind <c>Exists</c>, <c>IsLink</c> and <c>Contains</c>, in POSIX shell with only what GNU and BusyBox both
/// have (<c>[</c>, <c>grep -q -F -x -E -i -e</c>). Each prints its answer on a line of its own after
/// <see cref="Marker"/> and exits 0; any other ending (no answer, a non-zero exit) means the script could not answer, so
/// that a login shell that runs nothing (<c>/bin/false</c>) or a failing <c>Prefix</c> is never taken for "no".
/// </summary>
internal static class FileQueries
{
    /// <summary>What every answer line starts with; what a shell prints before the script (a noisy profile) is ignored.</summary>
    public const string Marker = "fabric-answer:";

    /// <summary><c>test -e</c>: something is there (a symbolic link is followed).</summary>
    public static string Exists(string path) => Test("-e", path);

    /// <summary><c>test -L</c>: a symbolic link is there (whether or not what it points to exists).</summary>
    public static string IsLink(string path) => Test("-L", path);

    /// <summary>
    /// Whether a line of the file holds <paramref name="text"/>: with <paramref name="escape"/> the text is literal
    /// (<c>grep -F</c>, line breaks dropped as Fabric drops them) and <paramref name="exact"/> wants the whole line
    /// (<c>grep -x</c>); without, the text is an extended regular expression, as is. A missing file holds nothing; a
    /// folder or a file that cannot be read is an error.
    /// </summary>
    public static string Contains(string path, string text, bool exact, bool escape, bool caseSensitive)
    {
        ArgumentNullException.ThrowIfNull(text);
        ShellWords.RefuseNul(text, nameof(text));
        var options = escape ? (exact ? "-F -x" : "-F") : "-E";
        var pattern = escape ? text.Replace("\n", "", StringComparison.Ordinal) : text;
        var p = ShellWords.Path(path);
        return $"{RefuseFolder(p)}if [ -e {p} ]; then grep -q {options}{(caseSensitive ? "" : " -i")} -e {ShellWords.Text(pattern)} {p}; r=$?; else r=1; fi; "
            + $"case $r in 0) echo {Marker}yes ;; 1) echo {Marker}no ;; *) exit $r ;; esac";
    }

    /// <summary>The answers printed after <see cref="Marker"/>, in order; empty when the script printed none.</summary>
    public static IReadOnlyList<string> Answers(string stdout)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        var answers = new List<string>();
        for (var at = stdout.IndexOf(Marker, StringComparison.Ordinal); at >= 0; at = stdout.IndexOf(Marker, at, StringComparison.Ordinal))
        {
            at += Marker.Length;
            var end = stdout.IndexOf('\n', at);
            answers.Add(stdout[at..(end < 0 ? stdout.Length : end)].TrimEnd('\r'));
        }

        return answers;
    }

    /// <summary>A check that stops with grep's words when the path is a folder (BusyBox grep would quietly find nothing).</summary>
    internal static string RefuseFolder(string quotedPath) =>
        $"if [ -d {quotedPath} ]; then printf 'grep: %s: Is a directory\\n' {quotedPath} >&2; exit 2; fi; ";

    private static string Test(string test, string path) =>
        $"if [ {test} {ShellWords.Path(path)} ]; then echo {Marker}yes; else echo {Marker}no; fi";
}
