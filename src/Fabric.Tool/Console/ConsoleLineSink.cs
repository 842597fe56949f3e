using Serilog.Core;
using Serilog.Events;

namespace Fabric.Tool.Console;

/// <summary>
/// The console end of the logger: each event's <c>Line</c> through the <see cref="TerminalStatusLine"/> (warnings and
/// errors on stderr). The start of an unfinished line (an event marked <see cref="PartialProperty"/>) is written
/// without a line break, and only what was not shown yet; its whole line then ends it. Any other line first ends an
/// unfinished one; should more of that line come later, it continues on a new line with its prefix again.
/// </summary>
internal sealed class ConsoleLineSink(TerminalStatusLine terminal) : ILogEventSink
{
    /// <summary>Marks the start of an unfinished line (the console shows it, a log file does not).</summary>
    public const string PartialProperty = "Partial";

    /// <summary>On a partial event, its prefix (<c>[host] out: </c>), to write again when the line continues after another line.</summary>
    public const string PrefixProperty = "Prefix";

    private readonly Lock _gate = new();

    /// <summary>Unfinished lines and how much of each is on the screen (prefix included), by host and kind.</summary>
    private readonly Dictionary<string, (string Prefix, string Shown)> _shown = new(StringComparer.Ordinal);

    /// <summary>The unfinished line the cursor stands at the end of, if any.</summary>
    private string? _open;

    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        var line = Scalar(logEvent, "Line") ?? logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture);
        var error = logEvent.Level >= LogEventLevel.Warning;
        var key = Scalar(logEvent, "Host") is { } host && Scalar(logEvent, "Kind") is { } kind ? host + "\n" + kind : null;
        lock (_gate)
        {
            if (key is not null && Scalar(logEvent, PrefixProperty) is { } prefix && logEvent.Properties.TryGetValue(PartialProperty, out var partial) && partial is ScalarValue { Value: true })
            {
                Continue(key, prefix, line);
            }
            else if (key is not null && _shown.Remove(key, out var started) && line.StartsWith(started.Shown, StringComparison.Ordinal))
            {
                Finish(key, line, started.Prefix, started.Shown);
            }
            else
            {
                EndOpenLine();
                terminal.WriteLine(line, error);
            }
        }
    }

    /// <summary>More of an unfinished line: what is new, after its prefix again if another line came in between.</summary>
    private void Continue(string key, string prefix, string line)
    {
        var shown = _shown.TryGetValue(key, out var started) ? started.Shown : prefix;
        if (!line.StartsWith(shown, StringComparison.Ordinal) || line.Length == shown.Length)
        {
            return;
        }

        if (_open != key)
        {
            EndOpenLine();
            terminal.Write(prefix);
        }

        terminal.Write(line[shown.Length..]);
        _shown[key] = (prefix, line);
        _open = key;
    }

    /// <summary>The whole of a line whose start is shown: the rest of it, ending the line.</summary>
    private void Finish(string key, string line, string prefix, string shown)
    {
        var rest = line[shown.Length..];
        if (_open == key)
        {
            _open = null;
            terminal.WriteLine(rest);
        }
        else if (rest.Length > 0)
        {
            EndOpenLine();
            terminal.WriteLine(prefix + rest);
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

    private static string? Scalar(LogEvent logEvent, string name) =>
        logEvent.Properties.TryGetValue(name, out var value) && value is ScalarValue { Value: { } scalar }
            ? Convert.ToString(scalar, System.Globalization.CultureInfo.InvariantCulture)
            : null;
}
