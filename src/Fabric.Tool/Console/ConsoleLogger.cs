using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Json;
using Serilog.Sinks.SystemConsole.Themes;

namespace Fabric.Tool.Console;

/// <summary>
/// The Serilog logger behind everything <c>dotnet fab</c> prints: plain lines on the console (warnings and errors on
/// stderr, hidden lines skipped), and with <c>--log-file</c> every line, hidden and debug ones too, with its time,
/// level and task (the host is the line's own <c>[host]</c> prefix; a JSON line also has it as a property).
/// </summary>
internal static class ConsoleLogger
{
    /// <summary>The property that marks a line hidden from the console.</summary>
    public const string HiddenProperty = "Hidden";

    public static Logger Create(string? logFile = null, LogFileFormat format = LogFileFormat.Text)
    {
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Debug()
            .WriteTo.Logger(console => console
                .Filter.ByExcluding(e => e.Properties.TryGetValue(HiddenProperty, out var hidden) && hidden is ScalarValue { Value: true })
                .WriteTo.Console(
                    outputTemplate: "{Line:l}{NewLine}",
                    theme: ConsoleTheme.None,
                    standardErrorFromLevel: LogEventLevel.Warning,
                    formatProvider: System.Globalization.CultureInfo.InvariantCulture));
        if (logFile is not null)
        {
            configuration = format == LogFileFormat.Json
                ? configuration.WriteTo.File(new JsonFormatter(), logFile)
                : configuration.WriteTo.File(
                    logFile,
                    outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] [{Task}] {Line:l}{NewLine}",
                    formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        }

        return configuration.CreateLogger();
    }
}
