using System.Runtime.CompilerServices;
using Fabric.Engine.Execution;
using Fabric.Engine.Transport;

namespace Fabric.Engine.Remote;

/// <summary>
/// Says why a remote command failed when the exit code alone would leave the user guessing: a sudoers that requires a
/// terminal, a shell (<c>Env.Shell</c>) the host does not have, or an account whose login shell runs no command at all
/// (<c>/bin/false</c>, <c>nologin</c>).
/// </summary>
internal static class RemoteFailure
{
    private static readonly ConditionalWeakTable<IRemoteHost, Task<string?>> Accounts = [];

    /// <summary>
    /// Why the command failed, in one line naming the host (to follow <c>run 'command' on host failed: </c>), or null
    /// when the command's own output says enough.
    /// </summary>
    public static async Task<string?> ReasonAsync(RunContext context, IRemoteHost host, CommandResult result, string? shell, bool pty, CancellationToken cancellationToken)
    {
        var display = host.Target.Display;
        if (result.Kind == "sudo" && !pty && result.Stderr.Contains("must have a tty", StringComparison.Ordinal))
        {
            return $"sudo there needs a terminal (its sudoers say requiretty): use Sudo(..., pty: true) or {context.SettingNames.Name(Setting.Pty)}.";
        }

        if (shell is not null && MissingShell.Explain(display, shell, result.ExitCode, pty ? result.Stdout : result.Stderr, context.SettingNames) is { } missing)
        {
            return missing;
        }

        if (result.ExitCode != 1 || result.Stderr.Length > 0)
        {
            return null;
        }

        var account = await Accounts.GetValue(host, h => RefusesCommandsAsync(context, h, cancellationToken)).ConfigureAwait(false);
        return account is null ? null : $"the account '{host.Target.User}' cannot run commands there: {account}";
    }

    /// <summary>
    /// Why the account's login shell runs no command, or null when it does: runs <c>true</c> as it is, and a shell that
    /// fails even that (<c>/bin/false</c>, <c>nologin</c>) is what stands in the way.
    /// </summary>
    private static async Task<string?> RefusesCommandsAsync(RunContext context, IRemoteHost host, CancellationToken cancellationToken)
    {
        var probe = await new RemoteProcess
        {
            Host = host,
            Hosts = context.RemoteHosts,
            CommandLine = "true",
            Description = "true",
            Timeout = context.Ssh.CommandTimeout,
        }.RunAsync(cancellationToken).ConfigureAwait(false);
        if (probe.ExitCode == 0)
        {
            return null;
        }

        var said = (probe.Stderr.Length > 0 ? probe.Stderr : probe.Stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim();
        return said is null
            ? $"its login shell fails even 'true' (exit {probe.ExitCode}, nothing printed; a shell such as /bin/false)."
            : $"its login shell says '{said}' (exit {probe.ExitCode}).";
    }
}
