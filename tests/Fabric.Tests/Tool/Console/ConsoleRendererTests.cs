using Fabric.Engine.Output;
using Fabric.Tool.Console;
using Serilog.Core;
using Serilog.Events;

namespace Fabric.Tests.Tool.Console;

/// <summary>
/// The console renderer on string writers: the <c>[host]</c> prefix, unfinished lines, hidden lines, the tool's own
/// lines, and what it hands on to the log file.
/// </summary>
public sealed class ConsoleRendererTests : IDisposable
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();
    private readonly Captured _log = new();

    public void Dispose()
    {
        _out.Dispose();
        _err.Dispose();
    }

    /// <summary>Renders <paramref name="render"/>'s lines, then writes what waited.</summary>
    private void Show(Action<ConsoleRenderer> render, ConsoleSettings? settings = null)
    {
        using var terminal = new TerminalStatusLine(_out, _err, interactive: false);
        render(new ConsoleRenderer(terminal, new LogFile(_log), settings));
    }

    private void Show(params OutputEvent[] lines) => Show(console =>
    {
        foreach (var line in lines)
        {
            console.Write(line);
        }
    });

    private static OutputEvent Out(string text, bool partial = false) => new(OutputKind.Stdout, "h", text) { Partial = partial };

    [Fact]
    public void Every_kind_of_line_has_its_host_prefix_and_label()
    {
        Show(
            new OutputEvent(OutputKind.Executing, "h", "deploy"),
            new OutputEvent(OutputKind.Command, "h", "run: ls"),
            Out("one"),
            new OutputEvent(OutputKind.Stderr, "h", "two"),
            new OutputEvent(OutputKind.User, "h", "a\nb"),
            new OutputEvent(OutputKind.Status, null, "Done."));

        Assert.Equal("[h] Executing task 'deploy'\n[h] run: ls\n[h] out: one\n[h] err: two\n[h] a\n[h] b\nDone.\n", _out.ToString());
    }

    [Fact]
    public void Warnings_and_errors_go_to_stderr_with_their_label()
    {
        Show(new OutputEvent(OutputKind.Warning, "h", "careful"), new OutputEvent(OutputKind.Fatal, "h", "broken"), new OutputEvent(OutputKind.Warning, null, "plain"));

        Assert.Equal("", _out.ToString());
        Assert.Equal("[h] Warning: careful\nFatal error: broken\nWarning: plain\n", _err.ToString());
    }

    [Fact]
    public void The_start_of_a_line_shows_as_it_grows_and_its_whole_line_only_ends_it()
    {
        Show(Out("Contin", partial: true), Out("Continue? ", partial: true), Out("Continue? yes"), Out("next"));

        Assert.Equal("[h] out: Continue? yes\n[h] out: next\n", _out.ToString());
    }

    [Fact]
    public void Another_line_ends_an_unfinished_one_which_then_goes_on_after_its_prefix_again()
    {
        Show(Out("Ready? ", partial: true), new OutputEvent(OutputKind.Stderr, "h", "warming up"), Out("Ready? go"));

        Assert.Equal("[h] out: Ready? \n[h] err: warming up\n[h] out: go\n", _out.ToString());
    }

    [Fact]
    public void A_warning_on_stderr_ends_the_unfinished_line_on_stdout_first()
    {
        Show(Out("Ready? ", partial: true), new OutputEvent(OutputKind.Warning, "h", "careful"), Out("Ready? go"));

        Assert.Equal("[h] out: Ready? \n[h] out: go\n", _out.ToString());
        Assert.Equal("[h] Warning: careful\n", _err.ToString());
    }

    [Fact]
    public void Unfinished_lines_of_two_hosts_each_keep_their_own_prefix()
    {
        Show(Out("a", partial: true), new OutputEvent(OutputKind.Stdout, "g", "b") { Partial = true }, Out("a1"), new OutputEvent(OutputKind.Stdout, "g", "b2"));

        Assert.Equal("[h] out: a\n[g] out: b\n[h] out: 1\n[g] out: 2\n", _out.ToString());
    }

    [Fact]
    public void Lines_that_came_together_each_get_the_prefix_and_end_an_unfinished_line_first()
    {
        Show(console =>
        {
            console.WriteLines(OutputKind.Stdout, "h", "a\nb\n"u8, hidden: false);
            console.Write(Out("Ready? ", partial: true));
            console.WriteLines(OutputKind.Stderr, "h", "c\n"u8, hidden: false);
            console.WriteLines(OutputKind.Stdout, "h", "d\n"u8, hidden: true);
        });

        Assert.Equal("[h] out: a\n[h] out: b\n[h] out: Ready? \n[h] err: c\n", _out.ToString());
        Assert.Equal(["[h] out: a", "[h] out: b", "[h] err: c", "[h] out: d"], _log.Lines);
    }

    [Fact]
    public void A_hidden_group_stays_off_the_console_but_goes_to_the_log_file()
    {
        Show(
            new OutputEvent(OutputKind.Stdout, "h", "secretly") { Hidden = true },
            new OutputEvent(OutputKind.Warning, "h", "quietly") { Hidden = true },
            new OutputEvent(OutputKind.Status, null, "Done."));

        Assert.Equal("Done.\n", _out.ToString());
        Assert.Equal("", _err.ToString());
        Assert.Equal(["[h] out: secretly", "[h] Warning: quietly", "Done."], _log.Lines);
        Assert.Equal(["True", "True", "False"], _log.Events.Select(e => Text(e, "Hidden")));
    }

    [Fact]
    public void The_start_of_a_line_goes_to_the_console_only_and_its_whole_line_to_the_log_file()
    {
        Show(Out("Ready? ", partial: true), Out("Ready? go"));

        Assert.Equal("[h] out: Ready? go\n", _out.ToString());
        Assert.Equal(["[h] out: Ready? go"], _log.Lines);
    }

    [Fact]
    public void The_tools_debug_lines_show_only_with_show_debug_and_are_always_logged()
    {
        Show(console => console.Debug("hidden detail"));
        Show(console => console.Debug("shown detail"), new ConsoleSettings(ShowDebug: true));

        Assert.Equal("shown detail\n", _out.ToString());
        Assert.Equal(["hidden detail", "shown detail"], _log.Lines);
        Assert.All(_log.Events, e => Assert.Equal(LogEventLevel.Debug, e.Level));
    }

    [Fact]
    public void The_tools_errors_and_the_build_status_go_to_stderr_as_they_are()
    {
        Show(console =>
        {
            console.BuildStatus.WriteLine("Building fabfile.cs…");
            console.Error("Error: no such task");
        });

        Assert.Equal("Building fabfile.cs…\nError: no such task\n", _err.ToString());
        Assert.Equal(["BuildStatus", "Error"], _log.Events.Select(e => Text(e, "Kind")));
        Assert.Equal([LogEventLevel.Information, LogEventLevel.Error], _log.Events.Select(e => e.Level));
    }

    [Fact]
    public void The_summary_is_off_the_console_under_hide_status_and_plain_in_the_log_file_even_with_colour()
    {
        Fabric.Engine.Execution.RunSummary.Row[] rows =
        [
            new("deploy", "h1", Fabric.Engine.Execution.RunStatus.Ok, null, TimeSpan.FromSeconds(1)),
            new("deploy", "h2", Fabric.Engine.Execution.RunStatus.Ok, null, TimeSpan.FromSeconds(1)),
        ];

        Show(console => console.Summary(rows), new ConsoleSettings(Colour: true, ShowSummary: false));

        Assert.Equal("", _out.ToString());
        Assert.Equal("  deploy  h1    ok      1.0 s", _log.Lines[3]);
        Assert.All(_log.Events, e => Assert.Equal(("Summary", "True"), (Text(e, "Kind"), Text(e, "Hidden"))));
    }

    [Fact]
    public void A_logged_line_has_its_level_host_kind_task_and_hidden_mark_as_properties()
    {
        Show(new OutputEvent(OutputKind.Warning, null, "careful"), new OutputEvent(OutputKind.Debug, "h", "detail") { Hidden = true });

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

        public List<string?> Lines => [.. Events.Select(e => Text(e, "Line"))];

        public void Emit(LogEvent logEvent) => Events.Add(logEvent);
    }
}
