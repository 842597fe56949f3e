using Fabric.Tool.Console;

namespace Fabric.Tests.Tool.Console;

/// <summary>
/// Lines of command output may wait in the terminal's buffer for a moment; everything else is written at once, after
/// them. What "the screen" shows is what the writer was flushed with.
/// </summary>
public sealed class CommandOutputBufferTests : IDisposable
{
    private const string Erase = "\r\u001b[2K";

    private readonly FlushedWriter _out = new();
    private readonly StringWriter _err = new();
    private readonly FakeTime _time = new();

    public void Dispose()
    {
        _out.Dispose();
        _err.Dispose();
    }

    private TerminalStatusLine Terminal(bool interactive = false) => new(_out, _err, interactive, _time, () => 80);

    [Fact]
    public void A_line_of_command_output_waits_until_the_output_delay_has_passed()
    {
        using var terminal = Terminal();
        terminal.AppendLine("[h] out: ", "one");
        terminal.AppendLine("[h] out: ", "two");
        Assert.Equal("", _out.Flushed);

        _time.Advance(TerminalStatusLine.OutputDelay);

        Assert.Equal("[h] out: one\n[h] out: two\n", _out.Flushed);
        Assert.Equal(1, _out.Flushes);
    }

    [Fact]
    public void The_delay_counts_from_the_first_waiting_line_so_a_steady_trickle_is_not_held_back()
    {
        using var terminal = Terminal();
        terminal.AppendLine("", "one");
        _time.Advance(TerminalStatusLine.OutputDelay / 2);
        terminal.AppendLine("", "two");
        _time.Advance(TerminalStatusLine.OutputDelay / 2);

        Assert.Equal("one\ntwo\n", _out.Flushed);
    }

    [Fact]
    public void A_full_buffer_is_written_at_once()
    {
        using var terminal = Terminal();
        var line = new string('x', 1000);
        for (var i = 0; i * 1001 < WaitingOutput.FlushAt; i++)
        {
            terminal.AppendLine("", line);
        }

        Assert.True(_out.Flushed.Length >= WaitingOutput.FlushAt, $"{_out.Flushed.Length} characters written");
        Assert.Equal(1, _out.Flushes);
    }

    [Fact]
    public void The_start_of_an_unfinished_line_is_written_at_once_after_the_lines_that_waited()
    {
        using var terminal = Terminal();
        terminal.AppendLine("[h] out: ", "one");

        terminal.Write("[h] out: ", "Password: ");

        Assert.Equal("[h] out: one\n[h] out: Password: ", _out.Flushed);
    }

    [Fact]
    public void A_line_that_is_not_command_output_is_written_at_once_after_the_lines_that_waited()
    {
        using var terminal = Terminal();
        terminal.AppendLine("[h] out: ", "one");

        terminal.WriteLine("[h] run: next");

        Assert.Equal("[h] out: one\n[h] run: next\n", _out.Flushed);
    }

    [Fact]
    public void Waiting_lines_reach_stdout_before_a_warning_reaches_stderr()
    {
        using var terminal = Terminal();
        terminal.AppendLine("[h] out: ", "one");

        terminal.WriteLine("Warning: w", error: true);

        Assert.Equal("[h] out: one\n", _out.Flushed);
        Assert.Equal("Warning: w\n", _err.ToString());
    }

    [Fact]
    public void Pausing_for_a_question_and_disposing_write_what_waited()
    {
        var terminal = Terminal();
        terminal.AppendLine("", "one");
        using (terminal.Pause())
        {
            Assert.Equal("one\n", _out.Flushed);
        }

        terminal.AppendLine("", "two");
        terminal.Dispose();
        Assert.Equal("one\ntwo\n", _out.Flushed);

        terminal.AppendLine("", "after");
        Assert.Equal("one\ntwo\nafter\n", _out.Flushed);
    }

    [Fact]
    public void Under_a_status_a_burst_of_lines_erases_it_once_and_draws_it_again_once_below_them()
    {
        using var terminal = Terminal(interactive: true);
        terminal.SetStatus("[ s ]");

        terminal.AppendLine("", "one");
        terminal.AppendLine("", "two");
        terminal.AppendLine("", "three");
        Assert.Equal("[ s ]", _out.Flushed);
        _time.Advance(TerminalStatusLine.OutputDelay);

        Assert.Equal("[ s ]" + Erase + "one\ntwo\nthree\n[ s ]", _out.Flushed);
    }

    [Fact]
    public void The_rest_of_a_line_given_from_an_offset_is_written_without_its_start()
    {
        using var terminal = Terminal();

        terminal.AppendLine("", "Ready? go", "Ready? ".Length);
        terminal.Flush();

        Assert.Equal("go\n", _out.Flushed);
    }

    [Fact]
    public void Through_the_console_renderer_a_remote_prompt_waits_with_the_lines_and_shows_after_the_delay()
    {
        using var terminal = Terminal();
        var console = new ConsoleRenderer(terminal);
        console.Write(new Fabric.Engine.Output.OutputEvent(Fabric.Engine.Output.OutputKind.Stdout, "h", "one"));
        console.Write(new Fabric.Engine.Output.OutputEvent(Fabric.Engine.Output.OutputKind.Stdout, "h", "Continue? ") { Partial = true });
        Assert.Equal("", _out.Flushed);

        _time.Advance(TerminalStatusLine.OutputDelay);
        Assert.Equal("[h] out: one\n[h] out: Continue? ", _out.Flushed);

        console.Write(new Fabric.Engine.Output.OutputEvent(Fabric.Engine.Output.OutputKind.Stdout, "h", "Continue? yes"));
        _time.Advance(TerminalStatusLine.OutputDelay);
        Assert.Equal("[h] out: one\n[h] out: Continue? yes\n", _out.Flushed);
    }

    [Fact]
    public void A_chunk_that_ends_inside_a_line_and_the_rest_that_ends_it_are_written_together()
    {
        using var terminal = Terminal();
        var console = new ConsoleRenderer(terminal);
        console.Write(new Fabric.Engine.Output.OutputEvent(Fabric.Engine.Output.OutputKind.Stdout, "h", "abc") { Partial = true });
        console.Write(new Fabric.Engine.Output.OutputEvent(Fabric.Engine.Output.OutputKind.Stdout, "h", "abcdef"));

        _time.Advance(TerminalStatusLine.OutputDelay);

        Assert.Equal("[h] out: abcdef\n", _out.Flushed);
        Assert.Equal(1, _out.Flushes);
    }

    [Fact]
    public async Task Trying_to_flush_before_exiting_writes_what_waited_but_gives_up_on_a_stdout_that_no_one_reads()
    {
        using var terminal = Terminal();
        terminal.AppendLine("", "one");
        terminal.TryFlush(TimeSpan.FromSeconds(5));
        Assert.Equal("one\n", _out.Flushed);

        using var stuck = new StuckWriter();
        var stuckTerminal = new TerminalStatusLine(stuck, _err, interactive: false, _time);
        try
        {
            var writing = Task.Run(() => stuckTerminal.WriteLine("blocked"));
            Assert.True(stuck.Entered.Wait(TimeSpan.FromSeconds(30)), "the writer never started writing");

            var tried = Task.Run(() => stuckTerminal.TryFlush(TimeSpan.FromMilliseconds(50)));

            await tried.WaitAsync(TimeSpan.FromSeconds(30));
            stuck.Release.Set();
            await writing.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            stuck.Release.Set();
            stuckTerminal.Dispose();
        }
    }

    /// <summary>A stdout whose reader has stopped: a flush blocks until released.</summary>
    private sealed class StuckWriter : StringWriter
    {
        public ManualResetEventSlim Entered { get; } = new();

        public ManualResetEventSlim Release { get; } = new();

        public override void Flush()
        {
            Entered.Set();
            Release.Wait();
        }

        protected override void Dispose(bool disposing)
        {
            Release.Set();
            if (disposing)
            {
                Entered.Dispose();
                Release.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>Records what reached the screen: the text as it was at the last flush.</summary>
    private sealed class FlushedWriter : StringWriter
    {
        public string Flushed { get; private set; } = "";

        public int Flushes { get; private set; }

        public override void Flush()
        {
            var now = ToString();
            if (now.Length > Flushed.Length)
            {
                Flushes++;
            }

            Flushed = now;
        }
    }
}
