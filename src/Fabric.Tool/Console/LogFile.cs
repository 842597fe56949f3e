using System.Text;
using Fabric.Engine.Execution;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Json;
using Serilog.Parsing;

namespace Fabric.Tool.Console;

/// <summary>
/// <c>--log-file</c>: every whole line the console renders, hidden and debug ones too, through Serilog, with its time,
/// level, and as properties the line as printed, whether it was hidden, its kind, the task being run and the host. Each
/// line is handed on as it is: no message template is parsed or bound, no logger made (a line of command output cost
/// 2 KB and about 1 µs through Serilog's <c>ForContext(...).Write("{Line}", …)</c>, measured).
/// </summary>
internal sealed class LogFile(ILogEventSink sink) : IDisposable
{
    /// <summary>How long the log file's lines may wait in its buffer before they are written (and synced) to the disk.</summary>
    private static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);

    /// <summary>The template every line is logged with: its one property, <c>Line</c>.</summary>
    private static readonly MessageTemplate LineTemplate = new MessageTemplateParser().Parse("{Line}");

    /// <summary>Each kind's name (the engine's kinds keep theirs), made once rather than once per line.</summary>
    private static readonly string[] KindNames = Enum.GetNames<ConsoleLineKind>();

    /// <summary>
    /// The log file at <paramref name="path"/> (null: none). Buffered, flushed every <see cref="FlushInterval"/> and when
    /// the run ends: written through at every line, as Serilog does by default, 100 MB of command output cost 1.3 million
    /// writes. No size limit (Serilog's default stops writing at 1 GB, silently): the log holds the whole run.
    /// </summary>
    public static LogFile? Open(string? path, LogFileFormat format)
    {
        if (path is null)
        {
            return null;
        }

        ITextFormatter formatter = format == LogFileFormat.Json ? new JsonFormatter() : new LogFileTextFormatter();
        return new LogFile(new LoggerConfiguration()
            .MinimumLevel.Debug()
            .WriteTo.File(formatter, path, fileSizeLimitBytes: null, buffered: true, flushToDiskInterval: FlushInterval)
            .CreateLogger());
    }

    /// <summary>Records one whole line.</summary>
    public void Write(in ConsoleLine line) => sink.Emit(EventOf(line));

    /// <summary>Records whole lines of command output that came together (UTF-8, each ended by <c>\n</c>), one by one.</summary>
    public void WriteLines(ConsoleLineKind kind, string? host, ReadOnlySpan<byte> lines, bool hidden)
    {
        for (var end = lines.IndexOf((byte)'\n'); end >= 0; end = lines.IndexOf((byte)'\n'))
        {
            Write(new ConsoleLine(kind, host, Encoding.UTF8.GetString(lines[..end])) { Hidden = hidden });
            lines = lines[(end + 1)..];
        }
    }

    public void Dispose() => (sink as IDisposable)?.Dispose();

    /// <summary>The log event for a line: the properties it always had, in the order they had (a JSON log shows them so).</summary>
    internal static LogEvent EventOf(in ConsoleLine line)
    {
        var level = line.Kind switch
        {
            ConsoleLineKind.Warning => LogEventLevel.Warning,
            ConsoleLineKind.Fatal or ConsoleLineKind.Error => LogEventLevel.Error,
            ConsoleLineKind.Debug => LogEventLevel.Debug,
            _ => LogEventLevel.Information,
        };
        var task = FabricRunner.CurrentTask ?? (line.Kind == ConsoleLineKind.Executing ? line.Text : "-");
        return new LogEvent(DateTimeOffset.Now, level, null, LineTemplate, [
            new LogEventProperty("Line", new ScalarValue(line.Format())),
            new LogEventProperty("Hidden", new ScalarValue(line.Hidden)),
            new LogEventProperty("Kind", new ScalarValue(KindNames[(int)line.Kind])),
            new LogEventProperty("Task", new ScalarValue(task)),
            new LogEventProperty("Host", new ScalarValue(line.Host ?? "-")),
        ]);
    }
}
