using Serilog;
using Serilog.Events;
using Serilog.Sinks.SystemConsole.Themes;

namespace Fabric.Tool.Console;

/// <summary>The Serilog logger behind the console: plain lines, warnings and errors on stderr.</summary>
internal static class ConsoleLogger
{
    public static ILogger Create() =>
        new LoggerConfiguration()
            .MinimumLevel.Debug()
            .WriteTo.Console(
                outputTemplate: "{Message:l}{NewLine}",
                theme: ConsoleTheme.None,
                standardErrorFromLevel: LogEventLevel.Warning,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .CreateLogger();
}
