using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Json;

namespace Fabric.Tool.Console;

/// <summary>
/// The Serilog logger behind everything <c>dotnet fab</c> prints: plain lines on the console (warnings and errors on
/// stderr, hidden lines skipped), and with <c>--log-file</c> every line, hidden and debug ones too, with its time,
/// level and task (the host is the line's own <c>[host]</c> prefix; a JSON line also has it as a property). Console
/// lines go through a <see cref="TerminalStatusLine"/>, so that a live status stays below them.
/// </summary>
internal static class ConsoleLogger
{
    /// <summary>The property that marks a line hidden from the console.</summary>
    public const string HiddenProperty = "Hidden";

    /// <param name="logFile">The <c>--log-file</c>, or null.</param>
    /// <param name="format">The log file's format.</param>
    /// <param name="terminal">The console's bottom-line owner that console lines go through (default: a plain one on this process's console).</param>
    public static Logger Create(string? logFile = null, LogFileFormat format = LogFileFormat.Text, TerminalStatusLine? terminal = null)
    {
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Debug()
            .WriteTo.Logger(console => console
                .Filter.ByExcluding(e => Is(e, HiddenProperty))
                .WriteTo.Sink(new ConsoleLineSink(terminal ?? new TerminalStatusLine(System.Console.Out, System.Console.Error, interactive: false))));
        if (logFile is not null)
        {
            configuration = configuration.WriteTo.Logger(file =>
            {
                file.Filter.ByExcluding(e => Is(e, ConsoleLineSink.PartialProperty));
                _ = format == LogFileFormat.Json
                    ? file.WriteTo.File(new JsonFormatter(), logFile)
                    : file.WriteTo.File(
                        logFile,
                        outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] [{Task}] {Line:l}{NewLine}",
                        formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            });
        }

        return configuration.CreateLogger();
    }

    private static bool Is(LogEvent logEvent, string property) =>
        logEvent.Properties.TryGetValue(property, out var value) && value is ScalarValue { Value: true };
}
