using Fabric.Engine.Output;
using Fabric.Tool.Console;
using Serilog.Core;
using Serilog.Events;

namespace Fabric.Tests.Tool.Console;

/// <summary>The engine's output in the tool: shown lines to the console, whole lines (hidden ones too) to the log file.</summary>
public sealed class ToolOutputSinkTests : IDisposable
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();
    private readonly Captured _log = new();

    public void Dispose()
    {
        _out.Dispose();
        _err.Dispose();
    }

    private void Write(params OutputEvent[] lines)
    {
        using var terminal = new TerminalStatusLine(_out, _err, interactive: false);
        var sink = new ToolOutputSink(new ConsoleLineSink(terminal), _log);
        foreach (var line in lines)
        {
            sink.Write(line);
        }
    }

    [Fact]
    public void A_hidden_line_goes_to_the_log_file_only_and_the_start_of_a_line_to_the_console_only()
    {
        Write(
            new OutputEvent(OutputKind.Stdout, "h", "secretly") { Hidden = true },
            new OutputEvent(OutputKind.Stdout, "h", "Ready? ") { Partial = true },
            new OutputEvent(OutputKind.Stdout, "h", "Ready? go"));

        Assert.Equal("[h] out: Ready? go\n", _out.ToString());
        Assert.Equal(["[h] out: secretly", "[h] out: Ready? go"], _log.Events.Select(e => Text(e, "Line")));
    }

    [Fact]
    public void A_logged_line_has_its_level_host_kind_task_and_hidden_mark_as_properties()
    {
        Write(new OutputEvent(OutputKind.Warning, null, "careful"), new OutputEvent(OutputKind.Debug, "h", "detail") { Hidden = true });

        var (warning, debug) = (_log.Events[0], _log.Events[1]);
        Assert.Equal((LogEventLevel.Warning, LogEventLevel.Debug), (warning.Level, debug.Level));
        Assert.Equal(["Line", "Hidden", "Kind", "Task", "Host"], warning.Properties.Keys);
        Assert.Equal(("Warning: careful", "-", "Warning", "-", "False"), (Text(warning, "Line"), Text(warning, "Host"), Text(warning, "Kind"), Text(warning, "Task"), Text(warning, "Hidden")));
        Assert.Equal(("h", "Debug", "True"), (Text(debug, "Host"), Text(debug, "Kind"), Text(debug, "Hidden")));
        Assert.Equal("{Line}", warning.MessageTemplate.Text);
        Assert.Equal("Warning: careful\n", _err.ToString());
    }

    private static string? Text(LogEvent e, string property) =>
        e.Properties[property] is ScalarValue { Value: var value } ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;

    private sealed class Captured : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent) => Events.Add(logEvent);
    }
}
