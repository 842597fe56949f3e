using System.Text;

namespace Fabric.Tool.Console;

/// <summary>
/// A <see cref="TextWriter"/> for code that writes lines of one kind (the fabfile's build status): each line written
/// becomes a <see cref="ConsoleLine"/> of that kind, rendered by the <see cref="ConsoleRenderer"/>; text without a line
/// break waits for the rest of its line.
/// </summary>
internal sealed class ConsoleLineWriter(ConsoleRenderer renderer, ConsoleLineKind kind) : TextWriter(System.Globalization.CultureInfo.InvariantCulture)
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _line = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_gate)
        {
            if (value == '\n')
            {
                var text = _line.ToString().TrimEnd('\r');
                _line.Clear();
                renderer.Render(new ConsoleLine(kind, null, text));
            }
            else
            {
                _line.Append(value);
            }
        }
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? "")
        {
            Write(c);
        }
    }

    public override void WriteLine(string? value) => Write(value + "\n");

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }
}
