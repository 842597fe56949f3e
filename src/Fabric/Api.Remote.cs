using Fabric.Engine.Remote;

namespace Fabric;

/// <summary>Remote commands: <c>Run</c>, <c>Sudo</c> and <c>OpenShell</c> on the current host, over its cached SSH connection.</summary>
public static partial class Api
{
    /// <summary>
    /// Runs a shell command on the current host, over SSH. Prints <c>[host] run: command</c>, then each line of output as
    /// it arrives (<c>[host] out: …</c>, <c>[host] err: …</c>). The command runs inside <c>Env.Shell</c>
    /// (<c>/bin/bash -l -c</c>; <c>--shell</c> or <c>Env.Shell</c> for hosts without bash) with the enclosing <see cref="Cd"/>,
    /// <see cref="AddPath"/>, <see cref="Prefix"/> and <see cref="ShellEnv(string, string)"/> scopes applied:
    /// <c>export K='V' &amp;&amp; cd 'dir' &amp;&amp; prefix &amp;&amp; command</c>.
    /// The command reads <paramref name="input"/>; without it, what the user types when the run is on a terminal (and the
    /// task is not parallel), else nothing: it gets end-of-input at once, so it never waits for input nobody sends.
    /// The first operation on a host connects to it; later ones (in this or other tasks) reuse that connection.
    /// A non-zero exit aborts the run unless warn-only is on (<c>-w</c>, <see cref="WarnOnly()"/>, or <paramref name="warnOnly"/>):
    /// then it is a warning and the result's <see cref="CommandResult.Failed"/> is true.
    /// </summary>
    /// <param name="command">The command line, in the remote shell's syntax.</param>
    /// <param name="warnOnly">True: a non-zero exit warns instead of aborting; null: the current setting.</param>
    /// <param name="shell">False: run the command as is, without <c>Env.Shell</c> around it.</param>
    /// <param name="pty">
    /// True: run it on a pseudo-terminal (interactive programs, <c>requiretty</c> hosts); standard error then arrives with
    /// standard output. Null: <c>Env.AlwaysUsePty</c> (<c>--pty</c>), false by default.
    /// </param>
    /// <param name="input">What the command reads on its standard input (text, bytes, a stream), followed by end-of-input.</param>
    /// <param name="capture">False: output is shown as it comes but not kept, so memory stays flat however much there is; the result's <c>Stdout</c>/<c>Stderr</c> are empty.</param>
    /// <returns>Its output and exit code; converts to its standard output.</returns>
    /// <exception cref="CommandFailedException">The command exited non-zero outside warn-only mode.</exception>
    /// <exception cref="AbortException">No current host, or the host could not be reached, refused the login or dropped the connection.</exception>
    public static CommandResult Run(string command, bool? warnOnly = null, bool shell = true, bool? pty = null, CommandInput? input = null, bool capture = true) =>
        RunAsync(command, warnOnly, shell, pty, input, capture).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="Run(string, bool?, bool, bool?, CommandInput?, bool)"/>.</summary>
    /// <param name="command">The command line, in the remote shell's syntax.</param>
    /// <param name="warnOnly">True: a non-zero exit warns instead of aborting; null: the current setting.</param>
    /// <param name="shell">False: run the command as is, without <c>Env.Shell</c> around it.</param>
    /// <param name="pty">True: on a pseudo-terminal; null: <c>Env.AlwaysUsePty</c>.</param>
    /// <param name="input">What the command reads on its standard input, followed by end-of-input.</param>
    /// <param name="capture">False: output is shown but not kept in the result.</param>
    /// <param name="cancellationToken">Stops waiting and signals the remote command.</param>
    /// <returns>Its output and exit code.</returns>
    public static Task<CommandResult> RunAsync(
        string command, bool? warnOnly = null, bool shell = true, bool? pty = null, CommandInput? input = null, bool capture = true, CancellationToken cancellationToken = default) =>
        RemoteShell.RunAsync("run", command, sudoUser: null, new RemoteCommandOptions(shell, warnOnly, pty, input, capture), cancellationToken);

    /// <summary>
    /// Runs a shell command on the current host through <c>sudo</c>, as root or as <paramref name="user"/>. Prints
    /// <c>[host] sudo: command</c>. When sudo asks for a password, it is given <c>Env.SudoPassword</c>, else the
    /// <c>-p</c> password, else the password is asked on the terminal once per host (and aborts when there is no terminal).
    /// The password goes to sudo only (through its input, or its terminal with <paramref name="pty"/>): it never appears in
    /// any output, and the command's own input starts after it. Hosts whose sudoers say <c>requiretty</c> need
    /// <paramref name="pty"/>. Scopes, input, warn-only and the result are as for <see cref="Run(string, bool?, bool, bool?, CommandInput?, bool)"/>.
    /// </summary>
    /// <param name="command">The command line, in the remote shell's syntax.</param>
    /// <param name="user">The user to run as (<c>sudo -u</c>); null: root.</param>
    /// <param name="warnOnly">True: a non-zero exit warns instead of aborting; null: the current setting.</param>
    /// <param name="shell">
    /// False: sudo runs the command as is, without <c>Env.Shell</c> around it; the enclosing scopes then run before <c>sudo</c>
    /// (a <see cref="Cd"/> still applies to the command; variables and <c>PATH</c> do not pass through sudo).
    /// </param>
    /// <param name="pty">True: on a pseudo-terminal; null: <c>Env.AlwaysUsePty</c>.</param>
    /// <param name="input">What the command reads on its standard input, followed by end-of-input.</param>
    /// <param name="capture">False: output is shown but not kept in the result.</param>
    /// <returns>Its output and exit code; converts to its standard output.</returns>
    /// <exception cref="CommandFailedException">The command exited non-zero outside warn-only mode.</exception>
    /// <exception cref="AbortException">No current host, connection failure, or no sudo password could be had.</exception>
    public static CommandResult Sudo(string command, string? user = null, bool? warnOnly = null, bool shell = true, bool? pty = null, CommandInput? input = null, bool capture = true) =>
        SudoAsync(command, user, warnOnly, shell, pty, input, capture).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="Sudo(string, string?, bool?, bool, bool?, CommandInput?, bool)"/>.</summary>
    /// <param name="command">The command line, in the remote shell's syntax.</param>
    /// <param name="user">The user to run as (<c>sudo -u</c>); null: root.</param>
    /// <param name="warnOnly">True: a non-zero exit warns instead of aborting; null: the current setting.</param>
    /// <param name="shell">
    /// False: sudo runs the command as is, without <c>Env.Shell</c> around it; the enclosing scopes then run before <c>sudo</c>
    /// (a <see cref="Cd"/> still applies to the command; variables and <c>PATH</c> do not pass through sudo).
    /// </param>
    /// <param name="pty">True: on a pseudo-terminal; null: <c>Env.AlwaysUsePty</c>.</param>
    /// <param name="input">What the command reads on its standard input, followed by end-of-input.</param>
    /// <param name="capture">False: output is shown but not kept in the result.</param>
    /// <param name="cancellationToken">Stops waiting and signals the remote command.</param>
    /// <returns>Its output and exit code.</returns>
    public static Task<CommandResult> SudoAsync(
        string command, string? user = null, bool? warnOnly = null, bool shell = true, bool? pty = null, CommandInput? input = null, bool capture = true, CancellationToken cancellationToken = default) =>
        RemoteShell.RunAsync("sudo", command, user, new RemoteCommandOptions(shell, warnOnly, pty, input, capture), cancellationToken);

    /// <summary>
    /// Opens the account's login shell on the current host, on a pseudo-terminal wired to the user's terminal, and returns
    /// when it exits (<c>exit</c>, Ctrl-D), as <c>ssh -t host</c> does; <paramref name="command"/>, if given, is typed into it
    /// first. Needs a terminal: aborts clearly when the run has none, or in a parallel task.
    /// </summary>
    /// <param name="command">A command to type into the shell first; null: none.</param>
    public static void OpenShell(string? command = null) => OpenShellAsync(command).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="OpenShell(string?)"/>.</summary>
    /// <param name="command">A command to type into the shell first; null: none.</param>
    /// <param name="cancellationToken">Stops waiting and closes the shell.</param>
    /// <returns>Done when the shell exits.</returns>
    public static Task OpenShellAsync(string? command = null, CancellationToken cancellationToken = default) =>
        InteractiveShell.RunAsync(command, cancellationToken);
}
