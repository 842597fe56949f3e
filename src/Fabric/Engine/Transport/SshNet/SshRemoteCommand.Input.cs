using System.Runtime.InteropServices;

namespace Fabric.Engine.Transport.SshNet;

/// <summary>
/// The command's input: sent as far as the server's window reaches, one write at a time, and its end (EOF) sent once,
/// after the last write and only while the channel is open.
/// </summary>
internal sealed partial class SshRemoteCommand
{
    public async ValueTask WriteInputAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!Volatile.Read(ref _eofRequested))
            {
                await SendAsync(data, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _writeGate.Release();
            FlushEof();
        }
    }

    /// <summary>
    /// Sends as much as the server's window takes, then waits for it to open, until all is sent or the channel closed (the
    /// rest is then dropped: the command ended). SSH.NET's own wait for the window gives up after the connection timeout,
    /// which a command that reads its input late would hit; this one waits as long as the channel is open.
    /// </summary>
    private async Task SendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var (array, offset, count) = MemoryMarshal.TryGetArray(data, out var segment)
            ? (segment.Array!, segment.Offset, segment.Count)
            : (data.ToArray(), 0, data.Length);
        while (count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_session.Lost.IsCancellationRequested)
            {
                throw _session.LostException();
            }

            var window = Guard(() => _api.IsOpen(Channel) ? _api.RemoteWindowSize(Channel) : uint.MaxValue);
            if (window == uint.MaxValue)
            {
                return;
            }

            if (window == 0)
            {
                await SendWindow.WidenedAsync(_api, Channel, () => Guard(() => !_api.IsOpen(Channel) || _api.RemoteWindowSize(Channel) > 0), MaxWindowPoll, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var n = (int)Math.Min(window, (uint)count);
            Guard(() => _api.SendData(Channel, array, offset, n));
            (offset, count) = (offset + n, count - n);
        }
    }

    public void CloseInput()
    {
        Volatile.Write(ref _eofRequested, true);
        FlushEof();
    }

    /// <summary>Sends the end of input once it was asked for and no write is under way (the last write sends it otherwise).</summary>
    private void FlushEof()
    {
        while (Volatile.Read(ref _eofRequested) && !Volatile.Read(ref _eofSent) && _writeGate.Wait(0))
        {
            try
            {
                if (!_eofSent)
                {
                    _eofSent = true;
                    SendEofWhileOpen();
                }
            }
            finally
            {
                _writeGate.Release();
            }
        }
    }

    /// <summary>
    /// EOF under SSH.NET's close lock, only while open: its SendEof looks outside that lock, so an EOF could follow the close
    /// it sends when the server ends first, and OpenSSH then drops the connection ("ieof packet referred to nonexistent channel").
    /// </summary>
    private void SendEofWhileOpen()
    {
        if (_api.MessagingLock(Channel) is { } gate)
        {
            using (gate.EnterScope())
            {
                ChannelCalls.Quietly(() =>
                {
                    if (!_closed && _api.IsOpen(Channel))
                    {
                        _api.SendEof(Channel);
                    }
                });
            }
        }
    }
}
