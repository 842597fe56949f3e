using Fabric.Tool.Console;

namespace Fabric.Tests.Tool.Console;

public sealed class TerminalStatusLineTests : IDisposable
{
    private const string Erase = "\r\u001b[2K";

    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public void Dispose()
    {
        _out.Dispose();
        _err.Dispose();
    }

    private readonly FakeTime _time = new();

    private TerminalStatusLine Terminal(bool interactive = true, int width = 80) =>
        new(_out, _err, interactive, _time, () => width);

    [Fact]
    public void A_line_written_under_a_status_erases_it_and_draws_it_again_below_the_line()
    {
        using var terminal = Terminal();
        terminal.SetStatus("[ 1/3 ]");

        terminal.WriteLine("[h1] out: hello");

        Assert.Equal("[ 1/3 ]" + Erase + "[h1] out: hello\n[ 1/3 ]", _out.ToString());
    }

    [Fact]
    public void An_error_line_goes_to_stderr_with_the_status_erased_first_and_drawn_again_after()
    {
        using var terminal = Terminal();
        terminal.SetStatus("[ s ]");

        terminal.WriteLine("Warning: w", error: true);

        Assert.Equal("[ s ]" + Erase + "[ s ]", _out.ToString());
        Assert.Equal("Warning: w\n", _err.ToString());
    }

    [Fact]
    public void Status_changes_are_drawn_at_most_every_100_ms_and_the_latest_one_wins()
    {
        using var terminal = Terminal();
        terminal.SetStatus("a");
        _time.Advance(TimeSpan.FromMilliseconds(10));
        terminal.SetStatus("b");
        terminal.SetStatus("c");
        Assert.Equal("a", _out.ToString());

        _time.Advance(TimeSpan.FromMilliseconds(90));

        Assert.Equal("a" + Erase + "c", _out.ToString());
    }

    [Fact]
    public void Clearing_the_status_erases_it_at_once_and_disposing_leaves_no_status_behind()
    {
        var terminal = Terminal();
        terminal.SetStatus("[ s ]");
        terminal.SetStatus(null);
        Assert.Equal("[ s ]" + Erase, _out.ToString());

        _time.Advance(TimeSpan.FromSeconds(1));
        terminal.SetStatus("[ t ]");
        terminal.Dispose();
        terminal.WriteLine("Summary:");

        Assert.EndsWith("[ t ]" + Erase + "Summary:\n", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_terminal_there_is_never_a_status_or_an_escape()
    {
        using var terminal = Terminal(interactive: false);
        terminal.SetStatus("[ 1/3 ]");
        terminal.WriteLine("[h1] out: hello");
        terminal.WriteLine("Warning: w", error: true);
        terminal.Dispose();

        Assert.Equal("[h1] out: hello\n", _out.ToString());
        Assert.Equal("Warning: w\n", _err.ToString());
    }

    [Fact]
    public void No_status_is_drawn_while_a_line_is_unfinished_and_it_comes_back_once_the_line_ends()
    {
        using var terminal = Terminal();
        terminal.SetStatus("[ s ]");
        terminal.Write("[h] out: Continue? ");
        _time.Advance(TimeSpan.FromSeconds(1));
        terminal.SetStatus("[ t ]");
        Assert.Equal("[ s ]" + Erase + "[h] out: Continue? ", _out.ToString());

        terminal.WriteLine("yes");

        Assert.Equal("[ s ]" + Erase + "[h] out: Continue? yes\n[ t ]", _out.ToString());
    }

    [Fact]
    public void A_status_wider_than_the_terminal_is_cut_to_one_line()
    {
        using var terminal = Terminal(width: 20);

        terminal.SetStatus(new string('x', 50));

        Assert.Equal(new string('x', 18) + "…", _out.ToString());
    }

    [Fact]
    public void While_paused_for_a_question_no_status_is_drawn_and_it_comes_back_after()
    {
        using var terminal = Terminal();
        terminal.SetStatus("[ s ]");
        using (terminal.Pause())
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            terminal.SetStatus("[ t ]");
            terminal.WriteLine("[h] out: x");
        }

        Assert.Equal("[ s ]" + Erase + "[h] out: x\n" + "[ t ]", _out.ToString());
    }
}
