using Fabric.Engine.Transport;

namespace Fabric.Engine.Remote;

/// <summary>
/// What a remote command reads: the given input in full then end-of-input, or on a terminal what the user types, or
/// end-of-input at once (so a command that reads its input never waits for input nobody will send). With a
/// pseudo-terminal, end-of-input is a Ctrl-D on the terminal, as a user would type it: SSH's EOF does not reach a program
/// reading a terminal.
/// </summary>
internal sealed class RemoteInput(IRemoteCommand command, bool pty)
{
    private const byte EndOfTransmission = 4;
    private Task _feeding = Task.CompletedTask;
    private IDisposable? _forwarding;
    private IDisposable? _resizing;
    private volatile bool _refused;

    /// <summary>True once <see cref="Begin"/> ran.</summary>
    public bool Begun { get; private set; }

    /// <summary>The command said it will not take the rest of the input: stop sending it.</summary>
    public void Refuse() => _refused = true;

    /// <summary>Starts giving the command its input: <paramref name="input"/>, else <paramref name="terminal"/>, else none.</summary>
    public void Begin(Stream? input, ITerminal? terminal, CancellationToken cancellationToken)
    {
        if (Begun)
        {
            return;
        }

        Begun = true;
        if (input is not null)
        {
            _feeding = Task.Factory.StartNew(() => Copy(input, cancellationToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
        }
        else if (terminal is not null)
        {
            _forwarding = terminal.Forward(Send, End, raw: pty);
            _resizing = pty ? terminal.WatchSize(command.Resize) : null;
        }
        else
        {
            End();
        }
    }

    /// <summary>Stops passing input on (the command ended); waits for a copy still running to notice.</summary>
    public async Task StopAsync()
    {
        _forwarding?.Dispose();
        _resizing?.Dispose();
        _refused = true;
        try
        {
            await _feeding.ConfigureAwait(false);
        }
        catch (Exception e) when (e is ConnectionLostException or OperationCanceledException or IOException)
        {
            // The command is over: what it did not read does not matter, and a lost connection is reported by the output side.
        }
    }

    /// <summary>Sends bytes now (sudo's password).</summary>
    public ValueTask SendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) => command.WriteInputAsync(bytes, cancellationToken);

    private async Task Copy(Stream input, CancellationToken cancellationToken)
    {
        var buffer = new byte[256 * 1024];
        int read;
        while (!_refused && (read = await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            await command.WriteInputAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }

        End();
    }

    private void Send(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            command.WriteInputAsync(bytes, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }
        catch (ConnectionLostException)
        {
            // Typed after the command ended or its connection broke: nothing to pass it to.
        }
    }

    private void End()
    {
        try
        {
            if (pty)
            {
                command.WriteInputAsync(new[] { EndOfTransmission }, CancellationToken.None).AsTask().GetAwaiter().GetResult();
            }
        }
        catch (ConnectionLostException)
        {
        }

        command.CloseInput();
    }
}
