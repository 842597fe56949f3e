using Fabric.Engine.Output;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Json;

namespace Fabric.Tool.Console;

/// <summary>
/// Everything <c>dotnet fab</c> prints: plain lines on the console (warnings and errors on stderr, hidden lines
/// skipped), and with <c>--log-file</c> every line, hidden and debug ones too, with its time, level and task (the host
/// is the line's own <c>[host]</c> prefix; a JSON line also has it as a property). Console lines go through a
/// <see cref="TerminalStatusLine"/>, so that a live status stays below them. The tool's own messages go through
/// <see cref="Logger"/>; the engine's output lines through <see cref="Output"/>, which hands them to the same console
/// and log file without Serilog's per-message work.
/// </summary>
internal sealed class ConsoleLogger : IDisposable
{
    /// <summary>The property that marks a line hidden from the console.</summary>
    public const string HiddenProperty = "Hidden";

    /// <summary>How long the log file's lines may wait in its buffer before they are written (and synced) to the disk.</summary>
    private static readonly TimeSpan LogFileFlushInterval = TimeSpan.FromSeconds(1);

    private readonly Logger? _file;

    private ConsoleLogger(ConsoleLineSink console, Logger? file)
    {
        _file = file;
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Debug()
            .WriteTo.Logger(c => c.Filter.ByExcluding(e => e.Properties.TryGetValue(HiddenProperty, out var hidden) && hidden is ScalarValue { Value: true }).WriteTo.Sink(console));
        if (file is not null)
        {
            configuration = configuration.WriteTo.Logger(file);
        }

        Logger = configuration.CreateLogger();
        Output = new ToolOutputSink(console, file);
    }

    /// <summary>The tool's own messages (errors, the summary, traces): to the console unless marked <see cref="HiddenProperty"/>, and to the log file.</summary>
    public Logger Logger { get; }

    /// <summary>The engine's output lines: shown ones to the console, whole ones to the log file.</summary>
    public IOutputSink Output { get; }

    /// <param name="logFile">The <c>--log-file</c>, or null.</param>
    /// <param name="format">The log file's format.</param>
    /// <param name="terminal">The console's bottom-line owner that console lines go through (default: a plain one on this process's console).</param>
    public static ConsoleLogger Create(string? logFile = null, LogFileFormat format = LogFileFormat.Text, TerminalStatusLine? terminal = null)
    {
        var console = new ConsoleLineSink(terminal ?? new TerminalStatusLine(System.Console.Out, System.Console.Error, interactive: false));
        return new ConsoleLogger(console, logFile is null ? null : LogFile(logFile, format));
    }

    public void Dispose()
    {
        Logger.Dispose();
        _file?.Dispose();
    }

    /// <summary>
    /// The log file's logger. Buffered, flushed every <see cref="LogFileFlushInterval"/> and when the run ends: written
    /// through at every line, as Serilog does by default, 100 MB of command output cost 1.3 million writes. No size limit
    /// (Serilog's default stops writing at 1 GB, silently): the log holds the whole run, however much it printed.
    /// </summary>
    private static Logger LogFile(string path, LogFileFormat format)
    {
        ITextFormatter formatter = format == LogFileFormat.Json ? new JsonFormatter() : new LogFileTextFormatter();
        return new LoggerConfiguration()
            .MinimumLevel.Debug()
            .WriteTo.File(formatter, path, fileSizeLimitBytes: null, buffered: true, flushToDiskInterval: LogFileFlushInterval)
            .CreateLogger();
    }
}
