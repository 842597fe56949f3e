using System.Text;

namespace Fabric.Tool.Console;

/// <summary>
/// Putting shown lines on the terminal. The start of an unfinished line (<see cref="ConsoleLine.Partial"/>) is written
/// without a line break, and only what was not shown yet; its whole line then ends it. Any other line first ends an
/// unfinished one; should more of that line come later, it continues on a new line with its prefix again. Command output,
/// whole lines and the start of an unfinished one, may wait a moment in the terminal's buffer
/// (<see cref="TerminalStatusLine.AppendLine"/>); every other line is written at once.
/// </summary>
internal sealed partial class ConsoleRenderer
{
    /// <summary>Unfinished lines by host and kind: their prefix, and how much of their text is on the screen.</summary>
    private readonly Dictionary<(string? Host, ConsoleLineKind Kind), (string Prefix, string Shown)> _shown = [];

    /// <summary><c>[host] out: </c> and <c>[host] err: </c> by host and kind (as text and in UTF-8), made once per host rather than once per line.</summary>
    private readonly Dictionary<(string? Host, ConsoleLineKind Kind), Prefix> _prefixes = [];

    /// <summary>The last prefix looked up.</summary>
    private (string? Host, ConsoleLineKind Kind, Prefix Prefix)? _last;

    /// <summary>The unfinished line the cursor stands at the end of, if any.</summary>
    private (string? Host, ConsoleLineKind Kind)? _open;

    /// <summary>One line that is shown.</summary>
    private void Show(in ConsoleLine line)
    {
        var key = (line.Host, line.Kind);
        var output = line.IsCommandOutput;
        lock (_gate)
        {
            if (output && line.Partial)
            {
                Continue(key, PrefixOf(key).Text, line.Text);
            }
            else if (output && _shown.Count == 0)
            {
                _terminal.AppendLine(PrefixOf(key).Text, line.Text);
            }
            else if (output && _shown.Remove(key, out var started) && line.Text.StartsWith(started.Shown, StringComparison.Ordinal))
            {
                Finish(key, line.Text, started.Prefix, started.Shown);
            }
            else if (!line.Partial)
            {
                EndOpenLine();
                _terminal.WriteLine(Shown(line), line.IsError);
            }
        }
    }

    /// <summary>Whole lines of command output that came together (UTF-8): one block, unless a line is unfinished.</summary>
    private void ShowLines(ConsoleLineKind kind, string? host, ReadOnlySpan<byte> lines)
    {
        lock (_gate)
        {
            if (_shown.Count == 0)
            {
                _terminal.AppendLines(PrefixOf((host, kind)).Utf8, lines);
                return;
            }

            for (var end = lines.IndexOf((byte)'\n'); end >= 0; end = lines.IndexOf((byte)'\n'))
            {
                Show(new ConsoleLine(kind, host, Encoding.UTF8.GetString(lines[..end])));
                lines = lines[(end + 1)..];
            }
        }
    }

    /// <summary>More of an unfinished line: what is new, after its prefix again if another line came in between.</summary>
    private void Continue((string?, ConsoleLineKind) key, string prefix, string text)
    {
        var shown = _shown.TryGetValue(key, out var started) ? started.Shown : "";
        if (!text.StartsWith(shown, StringComparison.Ordinal) || text.Length == shown.Length)
        {
            return;
        }

        if (_open != key)
        {
            EndOpenLine();
            _terminal.AppendPartial(prefix, text.AsSpan(shown.Length));
        }
        else
        {
            _terminal.AppendPartial("", text.AsSpan(shown.Length));
        }

        _shown[key] = (prefix, text);
        _open = key;
    }

    /// <summary>The whole of a line whose start is shown: the rest of it, ending the line.</summary>
    private void Finish((string?, ConsoleLineKind) key, string text, string prefix, string shown)
    {
        if (_open == key)
        {
            _open = null;
            _terminal.AppendLine("", text, shown.Length);
        }
        else if (text.Length > shown.Length)
        {
            EndOpenLine();
            _terminal.AppendLine(prefix, text, shown.Length);
        }
    }

    private void EndOpenLine()
    {
        if (_open is not null)
        {
            _open = null;
            _terminal.WriteLine("");
        }
    }

    private Prefix PrefixOf((string? Host, ConsoleLineKind Kind) key)
    {
        // A command's lines all come with the same host string: most lookups end here, without hashing it.
        if (_last is { } last && ReferenceEquals(last.Host, key.Host) && last.Kind == key.Kind)
        {
            return last.Prefix;
        }

        if (!_prefixes.TryGetValue(key, out var prefix))
        {
            var text = ConsoleLine.PrefixOf(key.Kind, key.Host);
            prefix = new Prefix(text, Encoding.UTF8.GetBytes(text));
            _prefixes[key] = prefix;
        }

        _last = (key.Host, key.Kind, prefix);
        return prefix;
    }

    /// <summary>A line prefix, as text and in UTF-8.</summary>
    private sealed record Prefix(string Text, byte[] Utf8);
}
