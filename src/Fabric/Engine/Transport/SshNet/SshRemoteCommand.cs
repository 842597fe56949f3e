using System.Net.Sockets;
using Renci.SshNet.Common;
using Renci.SshNet.Messages.Connection;

namespace Fabric.Engine.Transport.SshNet;

/// <summary>
/// A command (or shell) on a session channel of SSH.NET's internal API (<see cref="SshNetInternals"/>), opened by
/// <see cref="SshNetSession"/>. Its output goes through an <see cref="OutputQueue"/> (so a slow reader holds the server back
/// instead of filling memory), its input is sent only as far as the server's window reaches (so no send ever waits for
/// the server, and none waits on SSH.NET's receive thread), and how it ended is read from the server's <c>exit-status</c>
/// or <c>exit-signal</c>. Nothing that happens on SSH.NET's receive thread here waits for the server.
/// </summary>
internal sealed partial class SshRemoteCommand : IRemoteCommand
{
    /// <summary>SSH's extended-data type for standard error.</summary>
    private const uint StderrType = 1;

    /// <summary>Longest wait on a full send window before the channel is looked at again (closed, connection lost).</summary>
    private static readonly TimeSpan MaxWindowPoll = TimeSpan.FromMilliseconds(20);

    private readonly SshNetInternals _api;
    private readonly SshNetSession _session;
    private readonly OutputQueue _output = new(OutputQueue.DefaultCapacity);
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly bool _hasTerminal;
    private readonly IDisposable? _ownedConnection;
    private Action? _onClosed;
    private CancellationTokenRegistration _lostRegistration;
    private uint? _status;
    private string? _signal;
    private bool _eofRequested;
    private bool _eofSent;
    private int _disposed;
    private volatile bool _closed;
    private TaskCompletionSource<bool?>? _reply;

    public SshRemoteCommand(SshNetInternals api, SshNetSession session, object channel, bool hasTerminal, Action onClosed, IDisposable? ownedConnection)
    {
        _api = api;
        _session = session;
        Channel = channel;
        _hasTerminal = hasTerminal;
        _onClosed = onClosed;
        _ownedConnection = ownedConnection;
        SshNetInternals.Subscribe(api.DataReceived, channel, OnData);
        SshNetInternals.Subscribe(api.ExtendedDataReceived, channel, OnExtendedData);
        SshNetInternals.Subscribe(api.RequestReceived, channel, OnRequest);
        SshNetInternals.Subscribe(api.Closed, channel, OnClosed);
        SshNetInternals.Subscribe(api.ExceptionRaised, channel, OnException);
        SshNetInternals.Subscribe(api.RequestSucceeded, channel, (_, _) => Answer(true));
        SshNetInternals.Subscribe(api.RequestFailed, channel, (_, _) => Answer(false));
        _lostRegistration = session.Lost.Register(() => _output.Fail(session.LostException()));
    }

    /// <summary>SSH.NET's internal channel object.</summary>
    public object Channel { get; }

    public CommandExit? Exit { get; private set; }

    /// <summary>The server closed the channel (so far as SSH.NET has read).</summary>
    public bool Closed => _closed;

    /// <summary>Output received and not read yet, in bytes (bounded by the queue's capacity and one packet).</summary>
    public int QueuedBytes => _output.QueuedBytes;

    public async ValueTask<OutputChunk?> ReadAsync(CancellationToken cancellationToken)
    {
        var chunk = await _output.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (chunk is null)
        {
            Exit ??= new CommandExit(_status is { } status ? (int)status : null, _signal);
        }

        return chunk;
    }

    public void Resize(TerminalSize size)
    {
        ArgumentNullException.ThrowIfNull(size);
        if (_hasTerminal)
        {
            ChannelCalls.Quietly(() => _api.WindowChange(Channel, (uint)size.Columns, (uint)size.Rows, 0, 0));
        }
    }

    public void Signal(string name) => ChannelCalls.Quietly(() => _api.Signal(Channel, name));

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Unblocks the receive thread first: closing waits for the server's close, which that thread must read.
        _output.Discard();
        await _lostRegistration.DisposeAsync().ConfigureAwait(false);
        var channel = (IDisposable)Channel;
        if (Guard(() => _api.IsOpen(Channel)))
        {
            await Task.Run(() => ChannelCalls.Quietly(channel.Dispose)).ConfigureAwait(false);
        }
        else
        {
            ChannelCalls.Quietly(channel.Dispose);
        }

        ReleaseSlot();
        _ownedConnection?.Dispose();
    }

    private void OnData(object? sender, EventArgs e) => _output.Add(false, _api.Data(e));

    private void OnExtendedData(object? sender, EventArgs e)
    {
        if (_api.DataTypeCode(e) == StderrType)
        {
            _output.Add(true, _api.Data(e));
        }
    }

    /// <summary>
    /// Reads how the command ended while on the receive thread (SSH.NET reuses one request object per request name), and
    /// answers any other request that wants a reply with a failure, as SSH.NET's own command does: an OpenSSH server with
    /// <c>ClientAliveInterval</c> asks <c>keepalive@openssh.com</c> on the channel and drops a client that never answers.
    /// </summary>
    private void OnRequest(object? sender, EventArgs e)
    {
        var info = _api.Request(e);
        var type = info.GetType();
        if (type == _api.ExitStatusType)
        {
            _status = _api.ExitStatus(info);
        }
        else if (type == _api.ExitSignalType)
        {
            _signal = _api.ExitSignal(info);
        }
        else if (info.WantReply)
        {
            ChannelCalls.Quietly(() => _session.Send(new ChannelFailureMessage(_api.RemoteChannelNumber(Channel))));
        }
    }

    /// <summary>
    /// Sends a channel request (pty-req, exec, shell) and waits for the server's answer: true or false, or null when the
    /// channel closed first. Sent under SSH.NET's own close lock, so it never follows our close of the channel on the wire;
    /// the answer comes through SSH.NET's reply events, in order with the close, on the receive thread: no thread waits.
    /// </summary>
    public async Task<bool?> RequestAsync(Renci.SshNet.Messages.Connection.RequestInfo info, CancellationToken cancellationToken)
    {
        var reply = new TaskCompletionSource<bool?>(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _reply, reply);
        var gate = _api.MessagingLock(Channel) ?? throw new InvalidOperationException("SSH.NET's channel has no close lock.");
        using (gate.EnterScope())
        {
            if (_closed || !Guard(() => _api.IsOpen(Channel)))
            {
                return null;
            }

            Guard(() => _session.Send(new ChannelRequestMessage(_api.RemoteChannelNumber(Channel), info)));
        }

        await using var lost = _session.Lost.Register(() => reply.TrySetException(_session.LostException())).ConfigureAwait(false);
        return await reply.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private void Answer(bool? success) => Interlocked.Exchange(ref _reply, null)?.TrySetResult(success);

    private void OnClosed(object? sender, EventArgs e)
    {
        _closed = true;
        Answer(null);

        _output.Complete();
        ReleaseSlot();
    }

    private void OnException(object? sender, EventArgs e) =>
        _output.Fail(new ConnectionLostException(((ExceptionEventArgs)e).Exception.Message.TrimEnd('.'), ((ExceptionEventArgs)e).Exception));

    /// <summary>The channel never opened, and its place on the connection was freed already.</summary>
    public void DetachSlot() => _onClosed = null;

    /// <summary>Frees the channel's place on the connection once: when the server closed it, or when it is disposed.</summary>
    private void ReleaseSlot() => Interlocked.Exchange(ref _onClosed, null)?.Invoke();

    /// <summary>Runs a call on the channel, turning a broken connection into <see cref="ConnectionLostException"/>.</summary>
    private T Guard<T>(Func<T> call)
    {
        try
        {
            return call();
        }
        catch (Exception e) when (ChannelCalls.IsConnectionFailure(e))
        {
            throw _session.LostException(e);
        }
    }

    private void Guard(Action call) => Guard(() =>
    {
        call();
        return true;
    });
}
