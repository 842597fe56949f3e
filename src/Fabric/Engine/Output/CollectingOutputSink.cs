namespace Fabric.Engine.Output;

/// <summary>Keeps every line in memory, in order: for tests and for library use without a console.</summary>
internal sealed class CollectingOutputSink : IOutputSink
{
    private readonly List<OutputEvent> _lines = [];

    /// <summary>Every line, hidden ones too.</summary>
    public IReadOnlyList<OutputEvent> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>The shown whole lines, formatted as the console would show them.</summary>
    public IReadOnlyList<string> Text => [.. Lines.Where(l => !l.Hidden && !l.Partial).Select(OutputFormatter.Format)];

    public void Write(OutputEvent line)
    {
        lock (_lines)
        {
            _lines.Add(line);
        }
    }
}
