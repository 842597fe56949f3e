using Fabric.Engine.Output;
using Fabric.Tool.Console;

namespace Fabric.Tests.Tool.Console;

/// <summary>The console end of the logger, fed by the engine's output sink as in the tool, rendered to string writers.</summary>
public sealed class ConsoleLineSinkTests : IDisposable
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public void Dispose()
    {
        _out.Dispose();
        _err.Dispose();
    }

    private void Show(params OutputEvent[] lines)
    {
        using var terminal = new TerminalStatusLine(_out, _err, interactive: false);
        using var logger = ConsoleLogger.Create(terminal: terminal);
        var sink = logger.Output;
        foreach (var line in lines)
        {
            sink.Write(line);
        }
    }

    private static OutputEvent Out(string text, bool partial = false) => new(OutputKind.Stdout, "h", text) { Partial = partial };

    [Fact]
    public void The_start_of_a_line_shows_as_it_grows_and_its_whole_line_only_ends_it()
    {
        Show(Out("Contin", partial: true), Out("Continue? ", partial: true), Out("Continue? yes"), Out("next"));

        Assert.Equal("[h] out: Continue? yes\n[h] out: next\n", _out.ToString());
    }

    [Fact]
    public void Another_line_ends_an_unfinished_one_which_then_goes_on_after_its_prefix_again()
    {
        Show(
            Out("Ready? ", partial: true),
            new OutputEvent(OutputKind.Stderr, "h", "warming up"),
            Out("Ready? go"));

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
        Show(
            Out("a", partial: true),
            new OutputEvent(OutputKind.Stdout, "g", "b") { Partial = true },
            Out("a1"),
            new OutputEvent(OutputKind.Stdout, "g", "b2"));

        Assert.Equal("[h] out: a\n[g] out: b\n[h] out: 1\n[g] out: 2\n", _out.ToString());
    }

    [Fact]
    public void Without_unfinished_lines_every_line_is_written_whole()
    {
        Show(new OutputEvent(OutputKind.Executing, "h", "deploy"), Out("one"), new OutputEvent(OutputKind.Status, null, "Done."));

        Assert.Equal("[h] Executing task 'deploy'\n[h] out: one\nDone.\n", _out.ToString());
    }

    [Fact]
    public void Lines_that_came_together_each_get_the_prefix_and_end_an_unfinished_line_first()
    {
        using (var terminal = new TerminalStatusLine(_out, _err, interactive: false))
        {
            using var logger = ConsoleLogger.Create(terminal: terminal);
            logger.Output.WriteLines(OutputKind.Stdout, "h", "a\nb\n", hidden: false);
            logger.Output.Write(Out("Ready? ", partial: true));
            logger.Output.WriteLines(OutputKind.Stderr, "h", "c\n", hidden: false);
            logger.Output.WriteLines(OutputKind.Stdout, "h", "d\n", hidden: true);
        }

        Assert.Equal("[h] out: a\n[h] out: b\n[h] out: Ready? \n[h] err: c\n", _out.ToString());
    }
}
