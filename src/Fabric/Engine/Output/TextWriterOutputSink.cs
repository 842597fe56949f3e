namespace Fabric.Engine.Output;

/// <summary>
/// Writes formatted lines to a <see cref="TextWriter"/>, one whole line at a time (hidden lines and the starts of
/// unfinished lines are skipped: the whole line follows).
/// </summary>
internal sealed class TextWriterOutputSink(TextWriter writer) : IOutputSink
{
    private readonly Lock _gate = new();

    public void Write(OutputEvent line)
    {
        if (line.Hidden || line.Partial)
        {
            return;
        }

        var text = OutputFormatter.Format(line);
        lock (_gate)
        {
            writer.WriteLine(text);
            writer.Flush();
        }
    }
}
