namespace Fabric.Tests.Tool.Console;

/// <summary>A clock that moves only when told, with timers that fire when it passes their time.</summary>
internal sealed class FakeTime : TimeProvider
{
    private readonly List<FakeTimer> _timers = [];
    private long _now;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => _now;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        timer.Change(dueTime, period);
        _timers.Add(timer);
        return timer;
    }

    /// <summary>Moves the clock on, firing every timer whose time has come.</summary>
    public void Advance(TimeSpan by)
    {
        _now += by.Ticks;
        foreach (var timer in _timers.Where(t => t.Due is { } due && due <= _now).ToList())
        {
            timer.Due = null;
            timer.Fire();
        }
    }

    private sealed class FakeTimer(FakeTime time, TimerCallback callback, object? state) : ITimer
    {
        public long? Due { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Due = dueTime == Timeout.InfiniteTimeSpan ? null : time._now + dueTime.Ticks;
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose() => Due = null;

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
