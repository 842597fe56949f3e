using Fabric.Engine.Output;
using Serilog;
using Serilog.Events;

namespace Fabric.Tool.Console;

/// <summary>
/// Writes the engine's output through Serilog, one whole line per event, in Fabric's plain format:
/// no timestamps, no levels. Warnings and fatal errors are written at levels the console sends to stderr.
/// </summary>
internal sealed class SerilogOutputSink(ILogger logger, OutputGroups groups) : IOutputSink
{
    public void Write(OutputEvent line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!groups.IsShown(line.Kind))
        {
            return;
        }

        var level = line.Kind switch
        {
            OutputKind.Warning => LogEventLevel.Warning,
            OutputKind.Fatal => LogEventLevel.Error,
            OutputKind.Debug => LogEventLevel.Debug,
            _ => LogEventLevel.Information,
        };
        logger.Write(level, "{Line:l}", OutputFormatter.Format(line));
    }
}
