namespace Fabric.Engine.Output;

/// <summary>One file's progress display, from <see cref="ITransferProgress.Begin"/>; disposing it removes it.</summary>
public interface ITransferMeter : IDisposable
{
    /// <summary>The bytes transferred so far. Called often, from the transfer's thread: must be cheap.</summary>
    void Report(long done);
}
