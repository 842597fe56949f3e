using System.Text;

namespace Fabric.Tool.Console;

/// <summary>
/// <c>Console.Out</c> while the tool runs: whatever is printed on it (a fabfile's own <c>Console.WriteLine</c>, the help,
/// the task list, the summary) goes through the <see cref="TerminalStatusLine"/>, at once, so that it comes after the
/// command output still waiting there and the status line is erased before it and drawn again after it.
/// </summary>
internal sealed class TerminalWriter(TerminalStatusLine terminal) : TextWriter(System.Globalization.CultureInfo.InvariantCulture)
{
    public override Encoding Encoding => System.Console.OutputEncoding;

    public override void Write(char value) => Write(new ReadOnlySpan<char>(in value));

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer) => terminal.Write("", buffer);

    public override void Write(string? value) => terminal.Write("", value.AsSpan());

    public override void WriteLine(string? value) => terminal.Write("", (value + NewLine).AsSpan());

    public override void WriteLine(ReadOnlySpan<char> buffer) => WriteLine(buffer.ToString());

    public override void Flush() => terminal.Flush();
}
