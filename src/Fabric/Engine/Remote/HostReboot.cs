using System.Diagnostics;
using System.Globalization;
using Fabric.Engine.Execution;
using Fabric.Engine.Output;
using Fabric.Engine.Ssh;
using Fabric.Engine.Transport;

namespace Fabric.Engine.Remote;

/// <summary>
/// <c>Reboot</c>, as Fabric 1.x's <c>reboot()</c>: runs the reboot command (through sudo), lets the host drop the
/// connection, forgets it, then connects again, attempt after attempt, until the host answers or the time allowed runs
/// out. The operations after it use the new connection.
/// </summary>
internal static class HostReboot
{
    /// <summary>
    /// How long to wait, after the command, for the host to close the connection before connecting again all the same
    /// (Fabric sleeps 5 s, so as not to slip in before the host goes down): a reboot that drops the connection sooner goes on sooner.
    /// </summary>
    internal static readonly TimeSpan GoingDownLimit = TimeSpan.FromSeconds(5);

    /// <summary>The pause between two connection attempts.</summary>
    internal static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(1);

    public static async Task RebootAsync(int wait, string command, bool useSudo, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(command);
        if (wait < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(wait), wait, "The wait must be a number of seconds, 0 or more.");
        }

        var context = Ambient.Context;
        var target = RemoteShell.CurrentTarget("reboot", command);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, context.Cancellation);
        var token = linked.Token;
        var host = await context.RemoteHosts.GetAsync(target, token).ConfigureAwait(false);
        if (!await RunCommandAsync(host, command, useSudo, token).ConfigureAwait(false))
        {
            return;
        }

        await GoneAsync(host, GoingDownLimit, token).ConfigureAwait(false);
        context.RemoteHosts.Evict(host);
        OutputGroups.Write(context, Ambient.Scope, new OutputEvent(
            OutputKind.Status, target.Display, string.Create(CultureInfo.InvariantCulture, $"Rebooting: waiting up to {wait} s for the host to answer again.")));
        await ReconnectAsync(context, target, TimeSpan.FromSeconds(wait), command, token).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs the reboot command; true when the host is going down: the command succeeded, or the connection went with it.
    /// False: it failed under warn-only (warned) with the host still up, so there is nothing to wait for.
    /// </summary>
    private static async Task<bool> RunCommandAsync(IRemoteHost host, string command, bool useSudo, CancellationToken token)
    {
        try
        {
            var result = await RemoteShell.RunAsync(useSudo ? "sudo" : "run", command, sudoUser: null, new RemoteCommandOptions(), token).ConfigureAwait(false);
            return result.Succeeded || await GoneAsync(host, GoingDownLimit, token).ConfigureAwait(false);
        }
        catch (AbortException e) when (e.InnerException is ConnectionLostException)
        {
            return true;
        }
        catch (CommandFailedException)
        {
            // Killed by its own reboot (sshd's session ended with the command): then the failure is the reboot working.
            if (await GoneAsync(host, GoingDownLimit, token).ConfigureAwait(false))
            {
                return true;
            }

            throw;
        }
    }

    /// <summary>Waits up to <paramref name="limit"/> for <paramref name="host"/>'s connection to close; true when it did.</summary>
    private static async Task<bool> GoneAsync(IRemoteHost host, TimeSpan limit, CancellationToken token)
    {
        var clock = Stopwatch.StartNew();
        while (host.IsConnected && clock.Elapsed < limit)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), token).ConfigureAwait(false);
        }

        return !host.IsConnected;
    }

    private static async Task ReconnectAsync(RunContext context, ConnectionTarget target, TimeSpan wait, string command, CancellationToken token)
    {
        var clock = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            string why;
            using (var bounded = CancellationTokenSource.CreateLinkedTokenSource(token))
            {
                bounded.CancelAfter(Remaining(wait, clock) + TimeSpan.FromSeconds(1));
                try
                {
                    await context.RemoteHosts.GetAsync(target, bounded.Token).ConfigureAwait(false);
                    context.RemoteHosts.Debug(target, string.Create(CultureInfo.InvariantCulture, $"answered again after {clock.Elapsed.TotalSeconds:0.#} s (attempt {attempt})"));
                    return;
                }
                catch (UnreachableHostException e)
                {
                    why = e.Message.TrimEnd('.');
                }
                catch (OperationCanceledException) when (!token.IsCancellationRequested)
                {
                    why = "the last attempt was still connecting";
                }
            }

            context.RemoteHosts.Debug(target, $"reboot: attempt {attempt} failed ({why})");
            if (clock.Elapsed >= wait)
            {
                throw new AbortException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{target.Display} did not answer again within {wait.TotalSeconds:0} s after '{command}' ({attempt} attempts; {why})."));
            }

            var pause = Remaining(wait, clock);
            await Task.Delay(pause < RetryPause ? pause : RetryPause, token).ConfigureAwait(false);
        }
    }

    private static TimeSpan Remaining(TimeSpan wait, Stopwatch clock) =>
        wait > clock.Elapsed ? wait - clock.Elapsed : TimeSpan.Zero;
}
