namespace Fabric.Engine.Output;

/// <summary>Where the engine's output goes. The tool writes it through Serilog; tests collect it.</summary>
internal interface IOutputSink
{
    /// <summary>Writes one whole line. Must be safe to call from several threads at once.</summary>
    void Write(OutputEvent line);
}
