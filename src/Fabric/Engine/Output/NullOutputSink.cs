namespace Fabric.Engine.Output;

/// <summary>Drops every line: the output of a library <see cref="Connection"/> given no writer.</summary>
internal sealed class NullOutputSink : IOutputSink
{
    public static NullOutputSink Instance { get; } = new();

    public void Write(OutputEvent line)
    {
    }
}
