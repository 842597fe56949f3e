using Fabric.Tool.Console;

namespace Fabric.Tests.Tool.Console;

/// <summary><c>Console.Out</c> in the tool: what a fabfile prints itself keeps its place among the command output and under the status.</summary>
public sealed class TerminalWriterTests : IDisposable
{
    private const string Erase = "\r\u001b[2K";

    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();
    private readonly FakeTime _time = new();

    public void Dispose()
    {
        _out.Dispose();
        _err.Dispose();
    }

    [Fact]
    public void A_fabfiles_own_line_comes_after_the_command_output_still_waiting_and_at_once()
    {
        using var terminal = new TerminalStatusLine(_out, _err, interactive: false, _time);
        using var writer = new TerminalWriter(terminal);
        terminal.AppendLine("[h] out: ", "one");

        writer.WriteLine("printed by the fabfile");
        writer.Write('!');

        Assert.Equal("[h] out: one\nprinted by the fabfile\n!", _out.ToString());
    }

    [Fact]
    public void Under_a_status_the_status_is_erased_before_a_printed_line_and_drawn_again_after_it_but_not_after_half_a_line()
    {
        using var terminal = new TerminalStatusLine(_out, _err, interactive: true, _time, () => 80);
        using var writer = new TerminalWriter(terminal);
        terminal.SetStatus("[ s ]");

        writer.Write("half ");
        Assert.Equal("[ s ]" + Erase + "half ", _out.ToString());

        writer.WriteLine("whole");
        Assert.Equal("[ s ]" + Erase + "half whole\n[ s ]", _out.ToString());
    }
}
