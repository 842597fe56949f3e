namespace Fabric.Engine.Transport;

/// <summary>
/// A command (or shell) running on a channel of its own: its output as it comes, its input, how it ended. Reading is
/// flow-controlled: output the caller has not read yet holds the server back, so memory does not grow with the output.
/// </summary>
internal interface IRemoteCommand : IAsyncDisposable
{
    /// <summary>
    /// The next piece of output, stdout and stderr in the order the server sent them; null once the channel closed.
    /// The bytes are valid until the next call.
    /// </summary>
    /// <exception cref="ConnectionLostException">The connection broke before the channel closed.</exception>
    ValueTask<OutputChunk?> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Sends bytes to the command's input; waits while the server's window is full.</summary>
    /// <exception cref="ConnectionLostException">The connection broke.</exception>
    ValueTask WriteInputAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>Sends end-of-input. Safe to call more than once, and after the command ended.</summary>
    void CloseInput();

    /// <summary>Tells the command's terminal its new size (no-op without a terminal).</summary>
    void Resize(TerminalSize size);

    /// <summary>Sends a signal (<c>INT</c>, <c>TERM</c>, <c>KILL</c>) to the command; servers may ignore it.</summary>
    void Signal(string name);

    /// <summary>How it ended; set once <see cref="ReadAsync"/> has returned null.</summary>
    CommandExit? Exit { get; }
}
