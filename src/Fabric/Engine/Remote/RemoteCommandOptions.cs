namespace Fabric.Engine.Remote;

/// <summary>How <c>Run</c>/<c>Sudo</c> run a command, beyond the command itself.</summary>
/// <param name="Shell">False: the command runs as is, without <c>Env.Shell</c> around it.</param>
/// <param name="WarnOnly">True: a failure warns instead of aborting; null: the current setting.</param>
/// <param name="Pty">True: on a pseudo-terminal; null: <c>Env.AlwaysUsePty</c>.</param>
/// <param name="Input">What the command reads; null: the user's typing on a terminal, else end-of-input at once.</param>
/// <param name="Capture">False: output is shown but not kept in the result.</param>
internal sealed record RemoteCommandOptions(bool Shell = true, bool? WarnOnly = null, bool? Pty = null, CommandInput? Input = null, bool Capture = true);
