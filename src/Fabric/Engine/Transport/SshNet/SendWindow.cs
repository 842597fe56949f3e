namespace Fabric.Engine.Transport.SshNet;

/// <summary>Waiting for the server to widen a channel's send window, on SSH.NET's own window-adjust event.</summary>
internal static class SendWindow
{
    /// <summary>
    /// Waits until the server widens the window of <paramref name="channel"/>, or <paramref name="poll"/> passed (so the
    /// caller looks at the channel again: closed, connection lost). Polling with pauses growing to 20 ms instead cost a
    /// 200 MB SFTP upload half its speed on loopback (52-60 MiB/s against 83-149 MiB/s on the event, three runs each on a
    /// loaded 2-core machine).
    /// </summary>
    /// <param name="api">SSH.NET's internals.</param>
    /// <param name="channel">SSH.NET's channel.</param>
    /// <param name="ready">True when the window is open again, or the channel closed: nothing to wait for.</param>
    /// <param name="poll">The longest wait.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    public static async Task WidenedAsync(SshNetInternals api, object channel, Func<bool> ready, TimeSpan poll, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(ready);
        var adjusted = api.WindowAdjusted(channel) ?? throw new InvalidOperationException("SSH.NET's channel has no window-adjust event.");

        // SSH.NET sets it on every adjust and resets it only in its own wait, which ours replaces: reset, then look again,
        // so an adjust between the two is seen either way.
        adjusted.Reset();
        if (ready())
        {
            return;
        }

        var woken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var wait = ThreadPool.RegisterWaitForSingleObject(adjusted, (_, _) => woken.TrySetResult(), null, poll, executeOnlyOnce: true);
        try
        {
            await woken.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            wait.Unregister(null);
        }
    }
}
