using Fabric.Engine.Transport;

namespace Fabric.Engine.Remote;

/// <summary>
/// The terminal the run was started on, when there is one: what the user types can be passed on to a remote command, and
/// an interactive shell can draw on it. The engine never reads the console itself: the tool supplies this on
/// <see cref="Execution.RunContext.Terminal"/>.
/// </summary>
public interface ITerminal
{
    /// <summary>Its size now, for a remote pseudo-terminal.</summary>
    TerminalSize Size { get; }

    /// <summary>
    /// Passes what the user types to <paramref name="forward"/> until the result is disposed. <paramref name="raw"/>: each
    /// key as it is typed, with no local echo and Ctrl-C passed on too (a remote terminal echoes and interprets them);
    /// otherwise whole lines as the local terminal edits and echoes them, and Ctrl-C stops the run.
    /// <paramref name="onEnd"/> is called when the user ends the input (Ctrl-D on an empty line).
    /// </summary>
    IDisposable Forward(Action<ReadOnlyMemory<byte>> forward, Action onEnd, bool raw);

    /// <summary>
    /// Calls <paramref name="resized"/> with the new size whenever the terminal's window changes size, until the result is
    /// disposed: a remote pseudo-terminal follows it, as <c>ssh</c>'s does.
    /// </summary>
    IDisposable WatchSize(Action<TerminalSize> resized);

    /// <summary>Writes bytes to the screen as they are (an interactive shell's output), with nothing added.</summary>
    void WriteRaw(ReadOnlySpan<byte> bytes);
}
