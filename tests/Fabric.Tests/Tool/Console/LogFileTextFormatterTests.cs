using System.Globalization;
using Fabric.Tool.Console;
using Serilog.Events;
using Serilog.Formatting.Display;
using Serilog.Parsing;

namespace Fabric.Tests.Tool.Console;

/// <summary>The text log file's lines are written by hand for speed, and must read exactly as Serilog's rendering of the same template.</summary>
public class LogFileTextFormatterTests
{
    private static readonly MessageTemplate Line = new MessageTemplateParser().Parse("{Line}");

    public static TheoryData<LogEventLevel, string?, object?> Events => new()
    {
        { LogEventLevel.Information, "deploy", "[h1] out: plain" },
        { LogEventLevel.Debug, "-", "[h1] out: \"quoted\" {braces} and ünïcode \\ \t tab" },
        { LogEventLevel.Warning, null, "Warning: no task property" },
        { LogEventLevel.Error, "deploy", null },
        { LogEventLevel.Fatal, "deploy", "Fatal error: x" },
        { LogEventLevel.Verbose, "", "" },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void A_line_reads_as_serilog_renders_the_template(LogEventLevel level, string? task, object? line)
    {
        List<LogEventProperty> properties = [new("Hidden", new ScalarValue(false))];
        if (line is not null)
        {
            properties.Add(new LogEventProperty("Line", new ScalarValue(line)));
        }

        if (task is not null)
        {
            properties.Add(new LogEventProperty("Task", new ScalarValue(task)));
        }

        var logEvent = new LogEvent(new DateTimeOffset(2026, 12, 6, 15, 4, 5, 67, TimeSpan.FromHours(-3.5)), level, null, Line, properties);
        using var ours = new StringWriter();
        using var serilogs = new StringWriter();

        new LogFileTextFormatter().Format(logEvent, ours);
        new MessageTemplateTextFormatter(LogFileTextFormatter.Template, CultureInfo.InvariantCulture).Format(logEvent, serilogs);

        Assert.Equal(serilogs.ToString(), ours.ToString());
    }

    [Fact]
    public void Lines_in_the_same_millisecond_the_next_one_and_another_offset_each_show_their_own_time()
    {
        var start = new DateTimeOffset(2026, 12, 6, 15, 4, 5, 67, TimeSpan.Zero);
        DateTimeOffset[] times = [start, start.AddTicks(10), start.AddMilliseconds(1), start.AddMilliseconds(1).ToOffset(TimeSpan.FromHours(2)), start.AddSeconds(1)];
        var formatter = new LogFileTextFormatter();
        var serilog = new MessageTemplateTextFormatter(LogFileTextFormatter.Template, CultureInfo.InvariantCulture);
        using var ours = new StringWriter();
        using var serilogs = new StringWriter();

        foreach (var time in times)
        {
            var logEvent = new LogEvent(time, LogEventLevel.Information, null, Line, [new LogEventProperty("Line", new ScalarValue("x"))]);
            formatter.Format(logEvent, ours);
            serilog.Format(logEvent, serilogs);
        }

        Assert.Equal(serilogs.ToString(), ours.ToString());
        Assert.Equal(4, ours.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Distinct().Count());
    }
}
