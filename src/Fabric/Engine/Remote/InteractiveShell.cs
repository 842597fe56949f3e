using System.Text;
using Fabric.Engine.Execution;
using Fabric.Engine.Output;
using Fabric.Engine.Transport;

namespace Fabric.Engine.Remote;

/// <summary>
/// <c>OpenShell</c>: the account's login shell on the current host, on a pseudo-terminal the size of the user's, wired to
/// the user's terminal (keys as typed, output as it comes) until the shell exits — <c>ssh -t host</c> inside a task.
/// </summary>
internal static class InteractiveShell
{
    public static async Task RunAsync(string? command, CancellationToken cancellationToken)
    {
        var context = Ambient.Context;
        var scope = Ambient.Scope;
        var target = RemoteShell.CurrentTarget("open_shell", command ?? "a shell");
        var terminal = context.Terminal is { } t && Ambient.Frame is not { Linewise: true }
            ? t
            : throw new AbortException($"OpenShell on {target.Display} needs a terminal: this run has none (its input or output is not a terminal, or the task runs in parallel).");
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, context.Cancellation);
        OutputGroups.Write(context, scope, new OutputEvent(OutputKind.Command, target.Display, command is null ? "open_shell" : $"open_shell: {command}"));
        var host = await context.RemoteHosts.GetAsync(target, linked.Token).ConfigureAwait(false);
        IRemoteCommand shell;
        try
        {
            shell = await host.StartAsync(new CommandRequest(null) { Terminal = terminal.Size }, linked.Token).ConfigureAwait(false);
        }
        catch (ConnectionLostException e)
        {
            context.RemoteHosts.Evict(host);
            throw new AbortException($"Connection to {target.Display} was lost while opening a shell: {e.Message}", e);
        }

        await using (shell.ConfigureAwait(false))
        {
            if (!string.IsNullOrEmpty(command))
            {
                await shell.WriteInputAsync(Encoding.UTF8.GetBytes(command + "\n"), linked.Token).ConfigureAwait(false);
            }

            using var typing = terminal.Forward(bytes => Send(shell, bytes), shell.CloseInput, raw: true);
            using var resizing = terminal.WatchSize(shell.Resize);
            try
            {
                while (await shell.ReadAsync(linked.Token).ConfigureAwait(false) is { } chunk)
                {
                    terminal.WriteRaw(chunk.Bytes.Span);
                }
            }
            catch (ConnectionLostException e)
            {
                context.RemoteHosts.Evict(host);
                throw new AbortException($"Connection to {target.Display} was lost during the shell: {e.Message}", e);
            }
        }
    }

    private static void Send(IRemoteCommand shell, ReadOnlyMemory<byte> bytes)
    {
        try
        {
            shell.WriteInputAsync(bytes, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }
        catch (ConnectionLostException)
        {
            // Typed as the shell ended: nothing to pass it to.
        }
    }
}
