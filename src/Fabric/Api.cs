using System.Diagnostics.CodeAnalysis;
using Fabric.Engine.Execution;
using Fabric.Engine.Local;
using Fabric.Engine.Output;

namespace Fabric;

/// <summary>
/// The operations a fabfile uses, meant for <c>using static Fabric.Api;</c>:
/// <c>Env</c>, <c>Local</c>, <c>Abort</c>, <c>Warn</c>, and the <c>using</c> scopes.
/// </summary>
public static partial class Api
{
    /// <summary>The current run's settings: hosts, roles, role definitions, the current host, <c>--set</c> values.</summary>
    public static FabricEnv Env => FabricEnv.Instance;

    /// <summary>
    /// Runs a command on this machine through <c>/bin/bash -c</c>, streaming its output as it comes
    /// (<c>[localhost] out: …</c>), and returns it. With <paramref name="capture"/> true, as Fabric's
    /// <c>local(cmd, capture=True)</c>, the output is returned without being shown (the <c>local:</c> line still is, and the
    /// log file keeps the output): <c>var sha = Local("git rev-parse HEAD", capture: true).Stdout.Trim();</c>.
    /// A non-zero exit aborts the run, unless warn-only is on: then it is a warning and the result's
    /// <see cref="CommandResult.Failed"/> is true.
    /// </summary>
    /// <param name="command">The shell command line.</param>
    /// <param name="capture">True: keep the output for the result only, without printing it. (Unlike <c>Run</c>'s
    /// <c>capture</c>, which says whether output is kept: <c>Local</c> always keeps it.)</param>
    /// <returns>Its output and exit code.</returns>
    public static CommandResult Local(string command, bool capture = false) => LocalAsync(command, capture).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="Local(string, bool)"/>.</summary>
    /// <param name="command">The shell command line.</param>
    /// <param name="capture">True: keep the output for the result only, without printing it.</param>
    /// <param name="cancellationToken">Stops the command (its whole process tree).</param>
    /// <returns>Its output and exit code.</returns>
    public static Task<CommandResult> LocalAsync(string command, bool capture = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(command);
        var scope = Ambient.Scope;
        if (capture)
        {
            scope = scope with { OutputGroups = scope.OutputGroups.SetItems([new("stdout", false), new("stderr", false)]) };
        }

        return LocalShell.RunAsync(Ambient.Context, command, scope, cancellationToken);
    }

    /// <summary>The asynchronous form of <see cref="Local(string, bool)"/>, printing the output as it comes.</summary>
    /// <param name="command">The shell command line.</param>
    /// <param name="cancellationToken">Stops the command (its whole process tree).</param>
    /// <returns>Its output and exit code.</returns>
    public static Task<CommandResult> LocalAsync(string command, CancellationToken cancellationToken) =>
        LocalAsync(command, capture: false, cancellationToken);

    /// <summary>Stops the whole run: prints <c>Fatal error: message</c>, then <c>Aborting.</c>; exit code 1.</summary>
    [DoesNotReturn]
    public static void Abort(string message) => throw new AbortException(message);

    /// <summary>Prints <c>Warning: message</c> and goes on.</summary>
    public static void Warn(string message) =>
        OutputGroups.Write(Ambient.Context, Ambient.Scope, new OutputEvent(OutputKind.Warning, Env.HostString, message));

    /// <summary>Prints a line of the task's own, prefixed with the current host (if any), so parallel output stays readable.</summary>
    public static void Print(string message) =>
        OutputGroups.Write(Ambient.Context, Ambient.Scope, new OutputEvent(OutputKind.User, Env.HostString, message));

    /// <summary>Warn-only for a block: failed commands warn and return a failed result instead of aborting.</summary>
    public static IDisposable WarnOnly() => Settings(warnOnly: true);

    /// <summary>Runs <see cref="Local(string, bool)"/> commands of the block in <paramref name="path"/> (relative to the enclosing <c>Lcd</c>).</summary>
    public static IDisposable Lcd(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Ambient.EnterScope(s => s with
        {
            LocalDirectory = System.IO.Path.GetFullPath(path, s.LocalDirectory ?? Directory.GetCurrentDirectory()),
        });
    }
}
