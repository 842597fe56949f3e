using Fabric.Engine.Execution;
using Fabric.Engine.Output;

namespace Fabric.Tool.Console;

/// <summary>
/// The one place that decides what reaches the console and how. Every line comes here as a <see cref="ConsoleLine"/>:
/// the engine's output (this is its <see cref="IOutputSink"/>) and the tool's own messages (<see cref="Error"/>,
/// <see cref="Debug"/>, <see cref="Summary"/>, <see cref="BuildStatus"/>). A line is shown unless hidden (its output
/// group, or <see cref="ConsoleSettings"/> for the tool's own), with its <c>[host]</c> prefix, warnings and errors on
/// stderr, the run summary in colour when <see cref="ConsoleSettings.Colour"/>; the start of an unfinished line as it
/// grows. Everything goes through the <see cref="TerminalStatusLine"/>, so that a live status stays below it. Every
/// whole line, hidden ones too, is handed on to the <see cref="LogFile"/> when there is one. Thread-safe.
/// </summary>
internal sealed partial class ConsoleRenderer : IOutputSink, IDisposable
{
    private readonly Lock _gate = new();
    private readonly TerminalStatusLine _terminal;
    private readonly LogFile? _logFile;
    private readonly ConsoleSettings _settings;

    /// <param name="terminal">The console's bottom-line owner every line goes through.</param>
    /// <param name="logFile">The <c>--log-file</c>, or null; disposed with this.</param>
    /// <param name="settings">Colour, and which of the tool's own lines are shown (default: <see cref="ConsoleSettings.Plain"/>).</param>
    public ConsoleRenderer(TerminalStatusLine terminal, LogFile? logFile = null, ConsoleSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        _terminal = terminal;
        _logFile = logFile;
        _settings = settings ?? ConsoleSettings.Plain;
        BuildStatus = new ConsoleLineWriter(this, ConsoleLineKind.BuildStatus);
    }

    /// <summary>Where the fabfile's build writes what it is doing: each line a <see cref="ConsoleLineKind.BuildStatus"/> line.</summary>
    public TextWriter BuildStatus { get; }

    /// <summary>Whether the tool's debug lines are shown (<c>--show debug</c>).</summary>
    public bool ShowsDebug => _settings.ShowDebug;

    /// <summary>A plain console on this process's stdout and stderr, without a status line or log file: for an error before anything else is set up.</summary>
    public static ConsoleRenderer Plain() =>
        new(new TerminalStatusLine(System.Console.Out, System.Console.Error, interactive: false));

    /// <summary>Renders one line: to the log file when whole, to the console unless hidden.</summary>
    public void Render(in ConsoleLine line)
    {
        if (!line.Hidden)
        {
            Show(line);
        }

        if (_logFile is not null && !line.Partial)
        {
            _logFile.Write(line);
        }
    }

    /// <summary>One line of the engine's output.</summary>
    public void Write(OutputEvent line) => Render(ConsoleLine.Of(line));

    /// <summary>Whole lines of command output that came together (UTF-8, each ended by <c>\n</c>): to the console as one block, to the log file one by one.</summary>
    public void WriteLines(OutputKind kind, string? host, ReadOnlySpan<byte> lines, bool hidden)
    {
        var consoleKind = ConsoleLine.KindOf(kind);
        if (!hidden)
        {
            ShowLines(consoleKind, host, lines);
        }

        _logFile?.WriteLines(consoleKind, host, lines, hidden);
    }

    /// <summary>An error of the tool's own, as it is, on stderr: always shown.</summary>
    public void Error(string text) => Render(new ConsoleLine(ConsoleLineKind.Error, null, text));

    /// <summary>A debug line of the tool's own: on the console with <c>--show debug</c>, always in the log file.</summary>
    public void Debug(string text) => Render(new ConsoleLine(ConsoleLineKind.Debug, null, text) { Hidden = !_settings.ShowDebug });

    /// <summary>
    /// The run summary (<see cref="RunSummaryPrinter"/>; nothing for a single task on a single host): status in colour on
    /// a console with colour; plain in the log file; off the console under <c>--hide status</c>.
    /// </summary>
    public void Summary(IReadOnlyList<RunSummary.Row> rows)
    {
        var plain = RunSummaryPrinter.Lines(rows, colour: false);
        var coloured = _settings.Colour ? RunSummaryPrinter.Lines(rows, colour: true) : null;
        for (var i = 0; i < plain.Count; i++)
        {
            Render(new ConsoleLine(ConsoleLineKind.Summary, null, plain[i]) { Coloured = coloured?[i], Hidden = !_settings.ShowSummary });
        }
    }

    /// <summary>Closes the log file (what waited in its buffer is written).</summary>
    public void Dispose() => _logFile?.Dispose();

    /// <summary>The line as shown: its coloured form on a console with colour, else its plain one.</summary>
    private string Shown(in ConsoleLine line) =>
        _settings.Colour && line.Coloured is { } coloured ? coloured : line.Format();
}
