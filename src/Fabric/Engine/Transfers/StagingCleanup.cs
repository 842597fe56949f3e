using Fabric.Engine.Execution;
using Fabric.Engine.Output;
using Fabric.Engine.Transport;

namespace Fabric.Engine.Transfers;

/// <summary>
/// Removes a transfer's staged copy on the server whatever ended the transfer: over the same connection when it still
/// works, else over a new one (the old one is forgotten), within <see cref="Timeout"/> and never with the transfer's own
/// (perhaps cancelled) token. What cannot be removed is said in a warning naming the host and the path.
/// </summary>
internal static class StagingCleanup
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public static async Task RemoveAsync(RunContext context, TransferHost host, (string Path, bool Folder)[] items)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        Exception? failure;
        try
        {
            await RemoveAllAsync(host.Files, items, timeout.Token).ConfigureAwait(false);
            return;
        }
        catch (Exception e) when (e is ConnectionLostException or AbortException or RemoteFileException or OperationCanceledException)
        {
            failure = e;
        }

        if (failure is ConnectionLostException or AbortException)
        {
            try
            {
                context.RemoteHosts.Evict(host.Host);
                var fresh = await context.RemoteHosts.GetAsync(host.Host.Target, timeout.Token).ConfigureAwait(false);
                await using var again = await TransferHost.OpenAsync(context, fresh, useSudo: false, timeout.Token).ConfigureAwait(false);
                await RemoveAllAsync(again.Files, items, timeout.Token).ConfigureAwait(false);
                context.RemoteHosts.Debug(host.Host.Target, $"removed the staged copy {items[0].Path} over a new connection");
                return;
            }
            catch (Exception e) when (e is ConnectionLostException or AbortException or RemoteFileException or OperationCanceledException)
            {
                failure = e;
            }
        }

        var why = failure is OperationCanceledException ? $"no answer within {Timeout.TotalSeconds:0} s" : failure.Message.TrimEnd('.');
        OutputGroups.Write(context, Ambient.Scope, new OutputEvent(OutputKind.Warning, host.Host.Target.Display, $"could not remove the staged copy {items[0].Path}: {why}"));
    }

    /// <summary>Removes each item; one already gone is fine.</summary>
    private static async Task RemoveAllAsync(IRemoteFiles files, (string Path, bool Folder)[] items, CancellationToken cancellationToken)
    {
        foreach (var (path, folder) in items)
        {
            try
            {
                if (folder)
                {
                    await files.RemoveDirectoryAsync(path, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await files.RemoveAsync(path, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (RemoteFileException e) when (e.Error == RemoteFileError.Missing)
            {
            }
        }
    }
}
