using System.Globalization;
using System.Text;

namespace Fabric.Engine.Files;

/// <summary>
/// <c>Append</c>, as Fabric does it, line by line: a line is written unless the file already has it (a whole line equal to
/// it, or with <see cref="Partial"/> a line starting with it); an empty line is always written, as in Fabric. One check
/// asks the host which lines are missing (and whether the file ends without a line break), then one command writes just
/// those: <c>printf '%s\n' 'line' … &gt;&gt; file</c>. A line given twice, or one that a line written before it already
/// satisfies, is written once, as Fabric's one check per line would have it.
/// </summary>
/// <param name="Lines">The lines, without line breaks.</param>
/// <param name="Partial">A line counts as present when a line of the file starts with it.</param>
/// <param name="Escape">
/// True: each line is written exactly as given. False (Fabric's <c>escape=False</c>): it goes between single quotes as it
/// is, so that it can close them for shell syntax (<c>'"$HOME"'</c>); the check still looks for the text as given.
/// </param>
internal sealed record AppendPlan(IReadOnlyList<string> Lines, bool Partial, bool Escape)
{
    /// <summary>The last answer of every check that ran to its end.</summary>
    internal const string Checked = "checked";

    /// <summary>The answer for a file that is not there: every line goes in.</summary>
    internal const string NoFile = "new";

    /// <summary>The answer for a file whose last character is not a line break: one goes in first.</summary>
    internal const string Unterminated = "unterminated";

    /// <summary>
    /// Lines from texts: each split at its line breaks (<c>\r\n</c> or <c>\n</c>), one final line break ignored, so
    /// <c>"a\nb\n"</c> is the lines <c>a</c> and <c>b</c>.
    /// </summary>
    public static List<string> Split(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var lines = new List<string>();
        foreach (var text in texts)
        {
            ArgumentNullException.ThrowIfNull(text, nameof(texts));
            ShellWords.RefuseNul(text, nameof(texts));
            var normal = text.Replace("\r\n", "\n", StringComparison.Ordinal);
            lines.AddRange((normal.EndsWith('\n') ? normal[..^1] : normal).Split('\n'));
        }

        return lines;
    }

    /// <summary>
    /// The lines in batches of at most about <paramref name="limit"/> characters each (a line longer than that alone), so
    /// that no command line comes near Linux's 128 KiB limit for one argument (the shell's <c>-c</c> script).
    /// </summary>
    public static IEnumerable<List<string>> Batches(IReadOnlyList<string> lines, int limit)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var batch = new List<string>();
        var size = 0;
        foreach (var line in lines)
        {
            if (batch.Count > 0 && size + line.Length > limit)
            {
                yield return batch;
                batch = [];
                size = 0;
            }

            batch.Add(line);
            size += line.Length + 16;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    /// <summary>
    /// The check: for each non-empty line the file lacks, its index after the marker; <see cref="NoFile"/> when there is
    /// no file, <see cref="Unterminated"/> when its last character is not a line break; <see cref="Checked"/> at its end.
    /// grep's error (a file that cannot be read) ends it with grep's exit code.
    /// </summary>
    public string Check(string path)
    {
        var p = ShellWords.Path(path);
        var script = new StringBuilder(FileQueries.RefuseFolder(p))
            .Append(CultureInfo.InvariantCulture, $"if [ -e {p} ]; then has() {{ grep -q \"$@\" {p}; r=$?; [ $r -le 1 ] || exit $r; return $r; }}; ");
        for (var i = 0; i < Lines.Count; i++)
        {
            if (Lines[i].Length > 0)
            {
                var pattern = Partial ? $"-E -e {ShellWords.Text("^" + ExtendedRegex.Literal(Lines[i]))}" : $"-F -x -e {ShellWords.Text(Lines[i])}";
                script.Append(CultureInfo.InvariantCulture, $"has {pattern} || echo {FileQueries.Marker}{i}; ");
            }
        }

        return script.Append(CultureInfo.InvariantCulture, $"if [ -s {p} ] && [ -n \"$(tail -c 1 {p})\" ]; then echo {FileQueries.Marker}{Unterminated}; fi; ")
            .Append(CultureInfo.InvariantCulture, $"else echo {FileQueries.Marker}{NoFile}; fi; echo {FileQueries.Marker}{Checked}").ToString();
    }

    /// <summary>The lines to write, in order, from the check's answers (empty: nothing to do).</summary>
    public List<string> Missing(IReadOnlyList<string> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var all = answers.Contains(NoFile);
        var written = new List<string>();
        for (var i = 0; i < Lines.Count; i++)
        {
            var line = Lines[i];
            var absent = line.Length == 0 || all || answers.Contains(i.ToString(CultureInfo.InvariantCulture));
            if (absent && (line.Length == 0 || !written.Exists(w => Satisfies(w, line))))
            {
                written.Add(line);
            }
        }

        return written;
    }

    /// <summary>
    /// The write: <c>printf '%s\n' 'a' 'b' &gt;&gt; file</c>, with an empty line first when the file ends without a line
    /// break (Fabric's <c>echo</c> would have glued the first line to the last one).
    /// </summary>
    public string Write(string path, IReadOnlyList<string> lines, IReadOnlyList<string> answers)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(answers);
        var words = new StringBuilder("printf '%s\\n'");
        if (answers.Contains(Unterminated))
        {
            words.Append(" ''");
        }

        foreach (var line in lines)
        {
            words.Append(' ').Append(Escape ? ShellWords.Text(line) : "'" + line + "'");
        }

        return words.Append(" >> ").Append(ShellWords.Path(path)).ToString();
    }

    private bool Satisfies(string written, string line) =>
        Partial ? written.StartsWith(line, StringComparison.Ordinal) : written == line;
}
