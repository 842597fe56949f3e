using Fabric.Engine.Execution;
using Fabric.Engine.Output;
using Serilog;
using Serilog.Events;

namespace Fabric.Tool.Console;

/// <summary>
/// Writes the engine's output through Serilog, one whole line per event, in Fabric's plain format, with the host,
/// the task being run and the kind of line as properties for the log file. Hidden lines are marked, so the console
/// skips them and a log file keeps them. The start of an unfinished line is marked partial: for the console only.
/// </summary>
internal sealed class SerilogOutputSink(ILogger logger) : IOutputSink
{
    public void Write(OutputEvent line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var level = line.Kind switch
        {
            OutputKind.Warning => LogEventLevel.Warning,
            OutputKind.Fatal => LogEventLevel.Error,
            OutputKind.Debug => LogEventLevel.Debug,
            _ => LogEventLevel.Information,
        };
        var target = line.Partial
            ? logger.ForContext(ConsoleLineSink.PartialProperty, true).ForContext(ConsoleLineSink.PrefixProperty, OutputFormatter.Format(line with { Text = "" }))
            : logger;
        target
            .ForContext("Host", line.Host ?? "-")
            .ForContext("Task", Ambient.Frame?.TaskName ?? (line.Kind == OutputKind.Executing ? line.Text : "-"))
            .ForContext("Kind", line.Kind)
            .ForContext(ConsoleLogger.HiddenProperty, line.Hidden)
            .Write(level, "{Line}", OutputFormatter.Format(line));
    }
}
