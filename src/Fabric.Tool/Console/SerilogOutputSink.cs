using Fabric.Engine.Output;
using Serilog;
using Serilog.Events;

namespace Fabric.Tool.Console;

/// <summary>
/// Writes the engine's output through Serilog, one whole line per event, in Fabric's plain format:
/// no timestamps, no levels. (Which groups are shown was decided by the engine.) Warnings and fatal errors are written at levels the console sends to stderr.
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
        logger.Write(level, "{Line:l}", OutputFormatter.Format(line));
    }
}
