using Fabric.Engine.Execution;
using Fabric.Engine.Output;
using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;

namespace Fabric.Tool.Console;

/// <summary>
/// Where the engine's output goes in the tool: shown lines straight to the console (<see cref="ConsoleLineSink"/>), and
/// with <c>--log-file</c> every whole line, hidden ones too, to the log file's logger, with the host, the task being run
/// and the kind of line as properties. Each line is handed on as it is: no message template is parsed or bound, no
/// logger made, no text joined for the console (a line of command output cost 2 KB and about 1 µs through Serilog's
/// <c>ForContext(...).Write("{Line}", …)</c>, measured).
/// </summary>
internal sealed class ToolOutputSink(ConsoleLineSink console, ILogEventSink? logFile) : IOutputSink
{
    /// <summary>The template every engine line is logged with: its one property, <c>Line</c>.</summary>
    private static readonly MessageTemplate LineTemplate = new MessageTemplateParser().Parse("{Line}");

    public void Write(OutputEvent line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!line.Hidden)
        {
            console.Write(line);
        }

        if (logFile is not null && !line.Partial)
        {
            logFile.Emit(LogEventOf(line));
        }
    }

    /// <summary>Lines of command output that came together: to the console as one block, to the log file one by one.</summary>
    public void WriteLines(OutputKind kind, string? host, ReadOnlySpan<char> lines, bool hidden)
    {
        if (!hidden)
        {
            console.WriteLines(kind, host, lines);
        }

        if (logFile is not null)
        {
            for (var end = lines.IndexOf('\n'); end >= 0; end = lines.IndexOf('\n'))
            {
                logFile.Emit(LogEventOf(new OutputEvent(kind, host, new string(lines[..end])) { Hidden = hidden }));
                lines = lines[(end + 1)..];
            }
        }
    }

    /// <summary>The log file's event for a line: the properties it always had, in the order they had (a JSON log shows them so).</summary>
    internal static LogEvent LogEventOf(OutputEvent line)
    {
        var level = line.Kind switch
        {
            OutputKind.Warning => LogEventLevel.Warning,
            OutputKind.Fatal => LogEventLevel.Error,
            OutputKind.Debug => LogEventLevel.Debug,
            _ => LogEventLevel.Information,
        };
        var task = Ambient.Frame?.TaskName ?? (line.Kind == OutputKind.Executing ? line.Text : "-");
        return new LogEvent(DateTimeOffset.Now, level, null, LineTemplate, [
            new LogEventProperty("Line", new ScalarValue(OutputFormatter.Format(line))),
            new LogEventProperty(ConsoleLogger.HiddenProperty, new ScalarValue(line.Hidden)),
            new LogEventProperty("Kind", new ScalarValue(line.Kind)),
            new LogEventProperty("Task", new ScalarValue(task)),
            new LogEventProperty("Host", new ScalarValue(line.Host ?? "-")),
        ]);
    }
}
