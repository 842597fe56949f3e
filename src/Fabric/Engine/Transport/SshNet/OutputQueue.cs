using System.Buffers;

namespace Fabric.Engine.Transport.SshNet;

/// <summary>
/// A channel's output between SSH.NET's receive thread and the reader: bounded. SSH.NET 2026 gives the server a window
/// of 2 GiB and adjusts it before it hands data on, so the SSH window does not hold the server back; when this queue is
/// full, <see cref="Add"/> blocks the receive thread instead, the session stops reading its socket, and TCP holds the
/// server back. (That pauses every channel of the connection while one reader lags; readers copy output out as it
/// comes, so the pause lasts as long as the slowest reader's writes.) Each chunk is copied into a pooled buffer, which
/// returns to the pool on the next read.
/// </summary>
internal sealed class OutputQueue(int capacity)
{
    /// <summary>About 1 MiB queued per channel: enough to keep the socket busy while the reader writes elsewhere.</summary>
    public const int DefaultCapacity = 1024 * 1024;

    private readonly object _gate = new(); // Monitor, not Lock: the receive thread waits on it for room.
    private readonly Queue<(bool IsStderr, byte[] Buffer, int Length)> _chunks = new();
    private int _bytes;
    private bool _ended;
    private bool _discarding;
    private Exception? _failure;
    private TaskCompletionSource? _waiter;
    private byte[]? _lent;

    /// <summary>Bytes queued now (for tests and measurements).</summary>
    public int QueuedBytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    /// <summary>
    /// Queues a copy of <paramref name="data"/>; blocks while the queue is full (unless it is empty: a chunk larger than
    /// the capacity still goes in). Drops the data once the queue ended or is discarding.
    /// </summary>
    public void Add(bool isStderr, ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return;
        }

        TaskCompletionSource? wake;
        lock (_gate)
        {
            while (_bytes > 0 && _bytes + data.Length > capacity && !_discarding && !_ended)
            {
                Monitor.Wait(_gate);
            }

            if (_discarding || _ended)
            {
                return;
            }

            var buffer = ArrayPool<byte>.Shared.Rent(data.Length);
            data.CopyTo(buffer);
            _chunks.Enqueue((isStderr, buffer, data.Length));
            _bytes += data.Length;
            wake = TakeWaiter();
        }

        wake?.TrySetResult();
    }

    /// <summary>No more output: reads return what is queued, then null.</summary>
    public void Complete() => End(null);

    /// <summary>The connection broke: reads return what is queued, then throw <paramref name="failure"/>.</summary>
    public void Fail(Exception failure) => End(failure);

    /// <summary>The reader is gone: drop what is queued and whatever comes, and never block the receive thread again.</summary>
    public void Discard()
    {
        TaskCompletionSource? wake;
        lock (_gate)
        {
            _discarding = true;
            while (_chunks.TryDequeue(out var chunk))
            {
                ArrayPool<byte>.Shared.Return(chunk.Buffer);
            }

            _bytes = 0;
            ReturnLent();
            Monitor.PulseAll(_gate);
            wake = TakeWaiter();
        }

        wake?.TrySetResult();
    }

    /// <summary>The next chunk, valid until the next call; null once the queue completed and is empty.</summary>
    /// <exception cref="ConnectionLostException">The queue failed (after what was queued before the failure).</exception>
    public async ValueTask<OutputChunk?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task wait;
            lock (_gate)
            {
                ReturnLent();
                if (_chunks.TryDequeue(out var chunk))
                {
                    _bytes -= chunk.Length;
                    _lent = chunk.Buffer;
                    Monitor.PulseAll(_gate);
                    return new OutputChunk(chunk.IsStderr, chunk.Buffer.AsMemory(0, chunk.Length));
                }

                if (_ended || _discarding)
                {
                    return _failure is null ? null : throw _failure;
                }

                _waiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                wait = _waiter.Task;
            }

            await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void End(Exception? failure)
    {
        TaskCompletionSource? wake;
        lock (_gate)
        {
            if (_ended)
            {
                return;
            }

            _ended = true;
            _failure = failure;
            Monitor.PulseAll(_gate);
            wake = TakeWaiter();
        }

        wake?.TrySetResult();
    }

    private TaskCompletionSource? TakeWaiter()
    {
        var waiter = _waiter;
        _waiter = null;
        return waiter;
    }

    private void ReturnLent()
    {
        if (_lent is { } lent)
        {
            _lent = null;
            ArrayPool<byte>.Shared.Return(lent);
        }
    }
}
