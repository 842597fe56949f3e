namespace Fabric.Engine.Transport.SshNet;

/// <summary>A connection's <see cref="ChannelLimit"/>, thread-safe, with an asynchronous wait for a free place.</summary>
internal sealed class ChannelSlots(int configured)
{
    private readonly Lock _gate = new();
    private readonly ChannelLimit _limit = new(configured);
    private TaskCompletionSource? _released;

    /// <summary>The server allows one session per connection: every channel after the first needs a fresh connection.</summary>
    public bool OneSessionPerConnection => Locked(() => _limit.OneSessionPerConnection);

    /// <summary>How many channels the server allows at once on this connection, as far as it has said.</summary>
    public int Limit => Locked(() => _limit.Limit);

    /// <summary>
    /// Waits for a free place for one more channel (see <see cref="ChannelLimit.TryTake"/>); <paramref name="onFull"/> is
    /// called each time it has to wait (to ask idle channels to give their place up).
    /// </summary>
    public async Task TakeAsync(CancellationToken cancellationToken, Action? onFull = null)
    {
        while (true)
        {
            Task released;
            lock (_gate)
            {
                if (_limit.TryTake())
                {
                    return;
                }

                released = (_released ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            }

            onFull?.Invoke();
            await released.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Frees a taken place and wakes those waiting for one.</summary>
    public void Release()
    {
        Locked(() =>
        {
            _limit.Release();
            return true;
        });
        WakeWaiters();
    }

    /// <summary>The channel of a taken place opened.</summary>
    public void Accepted() => Locked(() =>
    {
        _limit.Accepted();
        return true;
    });

    /// <summary>The server refused the channel of a taken place (<see cref="ChannelLimit.Refused"/>); wakes those waiting.</summary>
    public ChannelRefusal Refused()
    {
        var refusal = Locked(_limit.Refused);
        WakeWaiters();
        return refusal;
    }

    /// <summary>See <see cref="ChannelLimit.LostWhenIdle"/>.</summary>
    public bool LostWhenIdle() => Locked(_limit.LostWhenIdle);

    private void WakeWaiters()
    {
        TaskCompletionSource? wake;
        lock (_gate)
        {
            (wake, _released) = (_released, null);
        }

        wake?.TrySetResult();
    }

    private T Locked<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }
}
