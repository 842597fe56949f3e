using Fabric.Engine.Ssh;

namespace Fabric;

/// <summary>Remote commands: <c>Run</c> and <c>Sudo</c> on the current host, over its cached SSH connection.</summary>
public static partial class Api
{
    /// <summary>
    /// Runs a shell command on the current host, over SSH. Prints <c>[host] run: command</c>, then each line of output as
    /// it arrives (<c>[host] out: …</c>, <c>[host] err: …</c>). The command runs inside <c>Env.Shell</c>
    /// (<c>/bin/bash -l -c</c>) with the enclosing <see cref="Cd"/>, <see cref="Path"/>, <see cref="Prefix"/> and
    /// <see cref="ShellEnv(string, string)"/> scopes applied: <c>export K='V' &amp;&amp; cd 'dir' &amp;&amp; prefix &amp;&amp; command</c>.
    /// The first operation on a host connects to it; later ones (in this or other tasks) reuse that connection.
    /// A non-zero exit aborts the run unless warn-only is on (<c>-w</c>, <see cref="WarnOnly()"/>, or <paramref name="warnOnly"/>):
    /// then it is a warning and the result's <see cref="CommandResult.Failed"/> is true.
    /// </summary>
    /// <param name="command">The command line, in the remote shell's syntax.</param>
    /// <param name="warnOnly">True: a non-zero exit warns instead of aborting; null: the current setting.</param>
    /// <param name="shell">False: run the command as is, without <c>Env.Shell</c> around it.</param>
    /// <returns>Its output and exit code; converts to its standard output.</returns>
    /// <exception cref="CommandFailedException">The command exited non-zero outside warn-only mode.</exception>
    /// <exception cref="AbortException">No current host, or the host could not be reached, refused the login or dropped the connection.</exception>
    public static CommandResult Run(string command, bool? warnOnly = null, bool shell = true) =>
        RunAsync(command, warnOnly, shell).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="Run(string, bool?, bool)"/>.</summary>
    /// <param name="command">The command line, in the remote shell's syntax.</param>
    /// <param name="warnOnly">True: a non-zero exit warns instead of aborting; null: the current setting.</param>
    /// <param name="shell">False: run the command as is, without <c>Env.Shell</c> around it.</param>
    /// <param name="cancellationToken">Stops waiting and signals the remote command.</param>
    /// <returns>Its output and exit code.</returns>
    public static Task<CommandResult> RunAsync(string command, bool? warnOnly = null, bool shell = true, CancellationToken cancellationToken = default) =>
        RemoteShell.RunAsync("run", command, shell, sudoUser: null, warnOnly, cancellationToken);

    /// <summary>
    /// Runs a shell command on the current host through <c>sudo</c>, as root or as <paramref name="user"/>. Prints
    /// <c>[host] sudo: command</c>. When sudo asks for a password, it is given <c>Env.SudoPassword</c>, else the
    /// <c>-p</c> password, else the password is asked on the terminal once per host (and aborts when there is no terminal).
    /// The password is written to sudo's input only: it never appears in any output. Scopes, warn-only and the result
    /// are as for <see cref="Run(string, bool?, bool)"/>.
    /// </summary>
    /// <param name="command">The command line, in the remote shell's syntax.</param>
    /// <param name="user">The user to run as (<c>sudo -u</c>); null: root.</param>
    /// <param name="warnOnly">True: a non-zero exit warns instead of aborting; null: the current setting.</param>
    /// <param name="shell">False: run the command as is, without <c>Env.Shell</c> around it.</param>
    /// <returns>Its output and exit code; converts to its standard output.</returns>
    /// <exception cref="CommandFailedException">The command exited non-zero outside warn-only mode.</exception>
    /// <exception cref="AbortException">No current host, connection failure, or no sudo password could be had.</exception>
    public static CommandResult Sudo(string command, string? user = null, bool? warnOnly = null, bool shell = true) =>
        SudoAsync(command, user, warnOnly, shell).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="Sudo(string, string?, bool?, bool)"/>.</summary>
    /// <param name="command">The command line, in the remote shell's syntax.</param>
    /// <param name="user">The user to run as (<c>sudo -u</c>); null: root.</param>
    /// <param name="warnOnly">True: a non-zero exit warns instead of aborting; null: the current setting.</param>
    /// <param name="shell">False: run the command as is, without <c>Env.Shell</c> around it.</param>
    /// <param name="cancellationToken">Stops waiting and signals the remote command.</param>
    /// <returns>Its output and exit code.</returns>
    public static Task<CommandResult> SudoAsync(string command, string? user = null, bool? warnOnly = null, bool shell = true, CancellationToken cancellationToken = default) =>
        RemoteShell.RunAsync("sudo", command, shell, user, warnOnly, cancellationToken);
}
