using Fabric.Engine.Output;
using Serilog.Core;
using Serilog.Events;

namespace Fabric.Tool.Console;

/// <summary>
/// The console: the engine's output lines (<see cref="Write"/>, straight from the engine) and the tool's own messages
/// (<see cref="Emit"/>, through the logger), each through the <see cref="TerminalStatusLine"/> (warnings and errors on
/// stderr). The start of an unfinished line (<see cref="OutputEvent.Partial"/>) is written without a line break, and
/// only what was not shown yet; its whole line then ends it. Any other line first ends an unfinished one; should more
/// of that line come later, it continues on a new line with its prefix again. Lines of command output may wait a
/// moment in the terminal's buffer (<see cref="TerminalStatusLine.AppendLine"/>); every other line is written at once.
/// </summary>
internal sealed class ConsoleLineSink(TerminalStatusLine terminal) : ILogEventSink
{
    private readonly Lock _gate = new();

    /// <summary>Unfinished lines by host and kind: their prefix, and how much of their text is on the screen.</summary>
    private readonly Dictionary<(string? Host, OutputKind Kind), (string Prefix, string Shown)> _shown = [];

    /// <summary><c>[host] out: </c> and <c>[host] err: </c> by host and kind, made once per host rather than once per line.</summary>
    private readonly Dictionary<(string? Host, OutputKind Kind), string> _prefixes = [];

    /// <summary>The last prefix looked up.</summary>
    private (string? Host, OutputKind Kind, string Prefix)? _last;

    /// <summary>The unfinished line the cursor stands at the end of, if any.</summary>
    private (string? Host, OutputKind Kind)? _open;

    /// <summary>A message of the tool's own (no host, no kind): written whole, at once.</summary>
    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        var line = logEvent.Properties.TryGetValue("Line", out var value) && value is ScalarValue { Value: { } scalar }
            ? Convert.ToString(scalar, System.Globalization.CultureInfo.InvariantCulture) ?? ""
            : logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture);
        lock (_gate)
        {
            EndOpenLine();
            terminal.WriteLine(line, logEvent.Level >= LogEventLevel.Warning);
        }
    }

    /// <summary>One line of the engine's output that is shown (the caller skips hidden ones).</summary>
    public void Write(OutputEvent line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var key = (line.Host, line.Kind);
        var output = line.Kind is OutputKind.Stdout or OutputKind.Stderr;
        lock (_gate)
        {
            if (output && line.Partial)
            {
                Continue(key, PrefixOf(key), line.Text);
            }
            else if (output && _shown.Count == 0)
            {
                terminal.AppendLine(PrefixOf(key), line.Text);
            }
            else if (output && _shown.Remove(key, out var started) && line.Text.StartsWith(started.Shown, StringComparison.Ordinal))
            {
                Finish(key, line.Text, started.Prefix, started.Shown);
            }
            else
            {
                EndOpenLine();
                terminal.WriteLine(OutputFormatter.Format(line), line.Kind is OutputKind.Warning or OutputKind.Fatal);
            }
        }
    }

    /// <summary>Whole lines of command output that came together (each ended by <c>\n</c>): one block, unless a line is unfinished.</summary>
    public void WriteLines(OutputKind kind, string? host, ReadOnlySpan<char> lines)
    {
        lock (_gate)
        {
            if (_shown.Count == 0)
            {
                terminal.AppendLines(PrefixOf((host, kind)), lines);
                return;
            }

            for (var end = lines.IndexOf('\n'); end >= 0; end = lines.IndexOf('\n'))
            {
                Write(new OutputEvent(kind, host, new string(lines[..end])));
                lines = lines[(end + 1)..];
            }
        }
    }

    /// <summary>More of an unfinished line: what is new, after its prefix again if another line came in between.</summary>
    private void Continue((string?, OutputKind) key, string prefix, string text)
    {
        var shown = _shown.TryGetValue(key, out var started) ? started.Shown : "";
        if (!text.StartsWith(shown, StringComparison.Ordinal) || text.Length == shown.Length)
        {
            return;
        }

        if (_open != key)
        {
            EndOpenLine();
            terminal.Write(prefix, text.AsSpan(shown.Length));
        }
        else
        {
            terminal.Write("", text.AsSpan(shown.Length));
        }

        _shown[key] = (prefix, text);
        _open = key;
    }

    /// <summary>The whole of a line whose start is shown: the rest of it, ending the line.</summary>
    private void Finish((string?, OutputKind) key, string text, string prefix, string shown)
    {
        if (_open == key)
        {
            _open = null;
            terminal.AppendLine("", text, shown.Length);
        }
        else if (text.Length > shown.Length)
        {
            EndOpenLine();
            terminal.AppendLine(prefix, text, shown.Length);
        }
    }

    private void EndOpenLine()
    {
        if (_open is not null)
        {
            _open = null;
            terminal.WriteLine("");
        }
    }

    private string PrefixOf((string? Host, OutputKind Kind) key)
    {
        // A command's lines all come with the same host string: most lookups end here, without hashing it.
        if (_last is { } last && ReferenceEquals(last.Host, key.Host) && last.Kind == key.Kind)
        {
            return last.Prefix;
        }

        if (!_prefixes.TryGetValue(key, out var prefix))
        {
            prefix = OutputFormatter.Format(new OutputEvent(key.Kind, key.Host, ""));
            _prefixes[key] = prefix;
        }

        _last = (key.Host, key.Kind, prefix);
        return prefix;
    }
}
