using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Text;

namespace Fabric.Engine.Transport.Sftp;

/// <summary>One reply: its type and what follows its request id (the first <paramref name="Length"/> bytes of <paramref name="Body"/>).</summary>
internal readonly record struct SftpReply(byte Type, byte[] Body, int Length, bool Pooled = false)
{
    public SftpReader Reader() => new(Body, 0, Length);

    /// <summary>Gives a pooled body (a file's data) back once it was used; the reply must not be read after.</summary>
    public void Release()
    {
        if (Pooled)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(Body);
        }
    }
}

/// <summary>
/// The SFTP protocol (version 3) on one channel of the host's connection: requests go out with an id each, a reader
/// matches the replies to them, so many can be in flight (the transfers keep the pipe full). Knows nothing of SSH.NET:
/// it talks to an <see cref="IRemoteCommand"/> started as the <c>sftp</c> subsystem.
/// </summary>
internal sealed class SftpChannel : IAsyncDisposable
{
    /// <summary>The largest reply accepted (OpenSSH's server sends at most 256 KB).</summary>
    private const int MaxPacket = 4 * 1024 * 1024;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly IRemoteCommand _command;
    private readonly ConcurrentDictionary<uint, TaskCompletionSource<SftpReply>> _pending = new();
    private readonly SemaphoreSlim _send = new(1, 1);
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _count;
    private int _nextId;
    private Task _reader = Task.CompletedTask;
    private volatile Exception? _failure;

    private SftpChannel(IRemoteCommand command) => _command = command;

    /// <summary>The server's extensions (name → version), from its first reply.</summary>
    public IReadOnlyDictionary<string, string> Extensions { get; private set; } = new Dictionary<string, string>();

    /// <summary>The largest read and write this server takes, once asked (<see cref="SftpFiles"/> asks).</summary>
    public (int Read, int Write)? Limits { get; set; }

    /// <summary>Bytes a login shell printed before the SFTP server started (0 on a quiet account).</summary>
    public int NoiseSkipped { get; private set; }

    /// <summary>
    /// Starts the protocol on <paramref name="command"/> (the <c>sftp</c> subsystem): sends <c>INIT</c>, waits for the
    /// server's version. A login shell that prints (a noisy <c>~/.bashrc</c> runs before an external <c>sftp-server</c>)
    /// puts its text in front of that reply: it is skipped, never read as SFTP. Disposes the command when it fails.
    /// </summary>
    /// <exception cref="RemoteFileException">No SFTP server answered (what was printed instead, shortened).</exception>
    public static async Task<SftpChannel> StartAsync(IRemoteCommand command, CancellationToken cancellationToken)
    {
        var channel = new SftpChannel(command);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(StartTimeout);
            await command.WriteInputAsync(new SftpWriter(SftpCodes.Init).UInt32(3).ToArray(), timeout.Token).ConfigureAwait(false);
            await channel.ReadVersionAsync(timeout.Token).ConfigureAwait(false);
            channel._reader = Task.Run(channel.ReadLoopAsync, CancellationToken.None);
            return channel;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await command.DisposeAsync().ConfigureAwait(false);
            throw new RemoteFileException(RemoteFileError.Unsupported, $"no SFTP server answered within {StartTimeout.TotalSeconds:0} s");
        }
        catch
        {
            await command.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task ReadVersionAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var at = SftpVersion.Find(_buffer.AsSpan(_start, _count));
            at = at < 0 ? at : _start + at;
            if (at >= 0)
            {
                NoiseSkipped = at - _start;
                var length = (int)BinaryPrimitives.ReadUInt32BigEndian(_buffer.AsSpan(at));
                Extensions = SftpVersion.Extensions(_buffer.AsSpan(at + 9, length - 5).ToArray());
                _count -= at + 4 + length - _start;
                _start = at + 4 + length;
                return;
            }

            if (_count > SftpVersion.MaxNoise)
            {
                throw new RemoteFileException(RemoteFileError.Unsupported, "the server's sftp subsystem did not speak SFTP");
            }

            var chunk = await _command.ReadAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new RemoteFileException(RemoteFileError.Unsupported, NotStarted());
            if (!chunk.IsStderr)
            {
                Append(chunk.Bytes.Span);
            }
        }
    }

    private string NotStarted()
    {
        var printed = Encoding.UTF8.GetString(_buffer, _start, Math.Min(_count, 200)).Trim();
        return printed.Length == 0
            ? "the server closed its sftp subsystem without a word"
            : $"the server's sftp subsystem printed \"{printed.ReplaceLineEndings(" ")}\" instead of starting";
    }

    /// <summary>Sends a request (its body written by <paramref name="body"/> after the id) and waits for its reply.</summary>
    public Task<SftpReply> RequestAsync(byte type, Action<SftpWriter> body, CancellationToken cancellationToken, int capacity = 256)
    {
        ArgumentNullException.ThrowIfNull(body);
        var id = (uint)Interlocked.Increment(ref _nextId);
        var writer = new SftpWriter(type, capacity).UInt32(id);
        body(writer);
        return SendAsync(id, writer.ToArray(), cancellationToken);
    }

    /// <summary>
    /// Sends a request the caller built in a pooled array (its length, type and id are filled in here, at its start) and
    /// waits for its reply; the array goes back to the pool once sent.
    /// </summary>
    public Task<SftpReply> RequestPooledAsync(byte type, byte[] packet, int length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(packet);
        var id = (uint)Interlocked.Increment(ref _nextId);
        BinaryPrimitives.WriteUInt32BigEndian(packet, (uint)(length - 4));
        packet[4] = type;
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(5), id);
        return SendAsync(id, packet.AsMemory(0, length), cancellationToken, () => System.Buffers.ArrayPool<byte>.Shared.Return(packet));
    }

    private async Task<SftpReply> SendAsync(uint id, ReadOnlyMemory<byte> packet, CancellationToken cancellationToken, Action? sent = null)
    {
        var reply = new TaskCompletionSource<SftpReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        if (_failure is { } failed)
        {
            _pending.TryRemove(id, out _);
            throw Rethrowable(failed);
        }

        try
        {
            await _send.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _pending.TryRemove(id, out _);
            sent?.Invoke();
            throw;
        }

        try
        {
            await _command.WriteInputAsync(packet, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _pending.TryRemove(id, out _);
            Fail(e);
            throw;
        }
        finally
        {
            _send.Release();
            sent?.Invoke();
        }

        try
        {
            return await reply.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            Dispatch();
            while (await _command.ReadAsync(CancellationToken.None).ConfigureAwait(false) is { } chunk)
            {
                if (!chunk.IsStderr)
                {
                    Append(chunk.Bytes.Span);
                    Dispatch();
                }
            }

            Fail(new RemoteFileException(RemoteFileError.Failure, "the server ended its SFTP session"));
        }
        catch (Exception e)
        {
            Fail(e);
        }
    }

    /// <summary>Hands every whole reply received to its request.</summary>
    private void Dispatch()
    {
        while (_count >= 4)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(_buffer.AsSpan(_start));
            if (length is < 5 or > MaxPacket)
            {
                throw new RemoteFileException(RemoteFileError.Failure, "the server sent a malformed SFTP reply");
            }

            if (_count < 4 + length)
            {
                return;
            }

            var type = _buffer[_start + 4];
            var id = BinaryPrimitives.ReadUInt32BigEndian(_buffer.AsSpan(_start + 5));
            // A file's data goes into a pooled array, given back by the download once written: no large allocation per read.
            var size = (int)length - 5;
            var pooled = type == SftpCodes.Data && size > 4096;
            var body = pooled ? System.Buffers.ArrayPool<byte>.Shared.Rent(size) : new byte[size];
            _buffer.AsSpan(_start + 9, size).CopyTo(body);
            _start += 4 + (int)length;
            _count -= 4 + (int)length;
            if (_pending.TryRemove(id, out var reply))
            {
                reply.TrySetResult(new SftpReply(type, body, size, pooled));
            }
        }
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (_start + _count + bytes.Length > _buffer.Length)
        {
            if (_count + bytes.Length > _buffer.Length)
            {
                Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _count + bytes.Length));
            }

            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _count);
            _start = 0;
        }

        bytes.CopyTo(_buffer.AsSpan(_start + _count));
        _count += bytes.Length;
    }

    private void Fail(Exception e)
    {
        _failure ??= e;
        foreach (var id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var reply))
            {
                reply.TrySetException(Rethrowable(_failure));
            }
        }
    }

    /// <summary>The failure as the caller sees it: a lost connection or the server's reason, never a parser's exception type.</summary>
    private static Exception Rethrowable(Exception e) => e switch
    {
        ConnectionLostException lost => new ConnectionLostException(lost.Message, lost),
        RemoteFileException file => new RemoteFileException(file.Error, file.Message),
        _ => new RemoteFileException(RemoteFileError.Failure, $"the SFTP session failed: {e.Message.TrimEnd('.')}"),
    };

    public async ValueTask DisposeAsync()
    {
        Fail(new RemoteFileException(RemoteFileError.Failure, "the SFTP session was closed"));
        _command.CloseInput();
        await _command.DisposeAsync().ConfigureAwait(false);
        await _reader.ConfigureAwait(false);
        _send.Dispose();
    }
}
