using Fabric.Engine.Remote;

namespace Fabric;

/// <summary><c>Reboot</c>: restart the current host and wait for it to come back.</summary>
public static partial class Api
{
    /// <summary>
    /// Reboots the current host and waits for it to come back, as Fabric's <c>reboot()</c>: runs <paramref name="command"/>
    /// (through <c>sudo</c> unless <paramref name="useSudo"/> is false), waits for the host to close the connection (at most
    /// 5 s), drops that connection, then connects again, attempt after attempt, until the host answers or
    /// <paramref name="wait"/> seconds have passed. The operations after it run over the new connection:
    /// <c>Reboot(); Run("uptime");</c>. A command that fails while the host stays up aborts as <c>Sudo</c> does.
    /// </summary>
    /// <param name="wait">How many seconds, after the command, the host may take to answer again.</param>
    /// <param name="command">The command that reboots the host.</param>
    /// <param name="useSudo">True: run it with <c>Sudo</c>; false: with <c>Run</c> (an account that may reboot).</param>
    /// <exception cref="AbortException">The host did not answer again within <paramref name="wait"/> seconds (the message names it and
    /// why the last attempt failed), refused the login or its host key afterwards, or the command failed.</exception>
    public static void Reboot(int wait = 120, string command = "reboot", bool useSudo = true) =>
        RebootAsync(wait, command, useSudo).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="Reboot(int, string, bool)"/>.</summary>
    /// <param name="wait">How many seconds, after the command, the host may take to answer again.</param>
    /// <param name="command">The command that reboots the host.</param>
    /// <param name="useSudo">True: run it with <c>Sudo</c>; false: with <c>Run</c>.</param>
    /// <param name="cancellationToken">Stops the command or the waiting.</param>
    /// <returns>Completes once the host answers again.</returns>
    public static Task RebootAsync(int wait = 120, string command = "reboot", bool useSudo = true, CancellationToken cancellationToken = default) =>
        HostReboot.RebootAsync(wait, command, useSudo, cancellationToken);
}
