using Renci.SshNet;
using Renci.SshNet.Common;
using Renci.SshNet.Messages;

namespace Fabric.Engine.Transport.SshNet;

/// <summary>
/// One SSH.NET connection as the transport uses it: opens session channels on it within its <see cref="ChannelLimit"/>,
/// and knows when it was lost (its receive loop ended), and why.
/// </summary>
internal sealed class SshNetSession : IDisposable
{
    private readonly SshNetInternals _api;
    private readonly SshClient _client;
    private readonly object _session;
    private readonly CancellationTokenSource _lost = new();
    private readonly RegisteredWaitHandle _lostWatch;
    private Exception? _error;

    /// <param name="client">A connected client.</param>
    /// <param name="channels">How many channels to open at once at most, before the server says otherwise.</param>
    public SshNetSession(SshClient client, int channels)
    {
        _api = SshNetInternals.Get();
        _client = client;
        Slots = new ChannelSlots(channels);
        _session = _api.SessionOf(client) ?? throw new ConnectionLostException("the connection is closed");
        client.ErrorOccurred += (_, e) => _error ??= e.Exception;
        _lostWatch = ThreadPool.RegisterWaitForSingleObject(_api.ListenerCompleted(_session), (_, _) => MarkLost(), null, Timeout.Infinite, executeOnlyOnce: true);
    }

    /// <summary>Cancelled once the connection is gone: SSH.NET's receive loop ended.</summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>Its places for channels: what the server allows at once, as far as it has said.</summary>
    public ChannelSlots Slots { get; }

    /// <summary>Why the connection is gone, as a <see cref="ConnectionLostException"/>.</summary>
    public ConnectionLostException LostException(Exception? cause = null)
    {
        var why = cause ?? _error;
        return why is null or ObjectDisposedException
            ? new ConnectionLostException("the connection was closed", why)
            : new ConnectionLostException(why.Message.TrimEnd('.'), why);
    }

    /// <summary>
    /// Opens a session channel in a place already taken, and starts <paramref name="request"/> on it. Returns the command,
    /// or (with the place freed) what to do about the server's refusal: to open the channel, or to run anything on it (it
    /// closed it first). SSH.NET's open blocks until the server answers, on a thread of its own; the requests do not block.
    /// </summary>
    /// <param name="request">What to start.</param>
    /// <param name="host">The host as written, for messages.</param>
    /// <param name="owned">A connection the command closes when disposed (a fresh one for a one-session server).</param>
    /// <param name="cancellationToken">Stops waiting for the server (a channel it opens after all is closed at once).</param>
    public async Task<(SshRemoteCommand? Command, ChannelRefusal Refusal)> StartAsync(CommandRequest request, string host, IDisposable? owned, CancellationToken cancellationToken)
    {
        var open = Task.Factory.StartNew(() => Open(request, owned), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var (command, refusal) = await WhenOpenedAsync(open, cancellationToken).ConfigureAwait(false);
        if (command is null)
        {
            return (null, refusal);
        }

        try
        {
            if (await RequestAsync(command, request, host, cancellationToken).ConfigureAwait(false))
            {
                return (command, default);
            }
        }
        catch
        {
            await command.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        await command.DisposeAsync().ConfigureAwait(false);
        return (null, ChannelRefusal.ClosedBeforeStart);
    }

    private static async Task<(SshRemoteCommand?, ChannelRefusal)> WhenOpenedAsync(Task<(SshRemoteCommand?, ChannelRefusal)> open, CancellationToken cancellationToken)
    {
        try
        {
            return await open.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!open.IsCompleted)
        {
            // The server has not answered yet; a channel that opens after all is closed at once.
            _ = open.ContinueWith(t => t.Result.Item1?.DisposeAsync().AsTask(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            throw;
        }
    }

    private (SshRemoteCommand?, ChannelRefusal) Open(CommandRequest request, IDisposable? owned)
    {
        SshRemoteCommand command;
        try
        {
            if (_lost.IsCancellationRequested || !_client.IsConnected)
            {
                throw LostException();
            }

            var channel = Call(() => _api.CreateChannelSession(_session));
            command = new SshRemoteCommand(_api, this, channel, request.Terminal is not null, Slots.Release, owned);
        }
        catch
        {
            Slots.Release();
            throw;
        }

        try
        {
            if (Open(command.Channel, out var refusal))
            {
                return (command, default);
            }

            command.DetachSlot(); // The refusal freed it.
            command.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return (null, refusal);
        }
        catch
        {
            command.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
    }

    /// <summary>
    /// Opens the channel; false when the server refused it. SSH.NET asks again at once up to <c>RetryAttempts</c> times
    /// (we set 1: asking again before one of ours closed is refused again) and then throws a plain <see cref="SshException"/>.
    /// </summary>
    private bool Open(object channel, out ChannelRefusal refusal)
    {
        refusal = default;
        try
        {
            _api.Open(channel);
            Slots.Accepted();
            return true;
        }
        catch (SshException e) when (e.GetType() == typeof(SshException) && _client.IsConnected && !_api.IsOpen(channel))
        {
            refusal = Slots.Refused();
            return false;
        }
        catch (Exception e) when (ChannelCalls.IsConnectionFailure(e))
        {
            throw LostException(e);
        }
    }

    /// <summary>
    /// Asks for the terminal (when wanted), then the command or the shell. False: the server closed the channel before it
    /// answered (Dropbear 2022.83 closes a new channel now and then when channels open and close quickly; OpenSSH's own
    /// client loses such sessions too), so nothing ran. SSH.NET's <c>Open</c> even asks for the channel again when the
    /// server's close comes before <c>Open</c> returns; disposing the command closes that one.
    /// </summary>
    private async Task<bool> RequestAsync(SshRemoteCommand command, CommandRequest request, string host, CancellationToken cancellationToken)
    {
        if (command.Closed)
        {
            return false;
        }

        if (request.Terminal is { } terminal)
        {
            var info = _api.PseudoTerminalRequest(terminal.Term, (uint)terminal.Columns, (uint)terminal.Rows, 0, 0, null);
            switch (await command.RequestAsync(info, cancellationToken).ConfigureAwait(false))
            {
                case null:
                    return false;
                case false:
                    throw new AbortException($"{host} refused a pseudo-terminal (its sshd_config may say PermitTTY no): run without one.");
            }
        }

        var start = request.Subsystem is { } subsystem ? _api.SubsystemRequest(subsystem)
            : request.CommandLine is { } line ? _api.ExecRequest(line, _client.ConnectionInfo.Encoding)
            : _api.ShellRequest();
        return await command.RequestAsync(start, cancellationToken).ConfigureAwait(false) switch
        {
            null => false,
            true => true,
            false when request.Subsystem is not null => throw new SubsystemUnavailableException($"the server has no {request.Subsystem} subsystem"),
            false => throw new AbortException(request.CommandLine is null
                ? $"{host} refused to start a login shell."
                : $"{host} refused to run a command (an exec request)."),
        };
    }

    private T Call<T>(Func<T> call)
    {
        try
        {
            return call();
        }
        catch (Exception e) when (ChannelCalls.IsConnectionFailure(e))
        {
            throw LostException(e);
        }
    }

    /// <summary>Sends a message on the connection (from the receive thread too: it does not wait for the server).</summary>
    public void Send(Message message) => _api.SendMessage(_session, message);

    private void MarkLost()
    {
        try
        {
            _lost.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public void Dispose()
    {
        _lostWatch.Unregister(null);
        MarkLost();
    }
}
