using Fabric.Engine.Hosts;
using Fabric.Engine.Execution;
using Fabric.Engine.Output;

namespace Fabric.Engine.Ssh;

/// <summary>
/// <c>Run</c> and <c>Sudo</c>: prints <c>[host] run: cmd</c>, wraps the command in the scopes and the user's shell,
/// runs it on the current host's cached connection, streams <c>[host] out:</c>/<c>err:</c> lines (and, unless
/// <c>--linewise</c> or in a parallel run, the start of a line before it ends), and checks the
/// outcome (abort, or warn under warn-only).
/// </summary>
internal static class RemoteShell
{
    public static async Task<CommandResult> RunAsync(string kind, string command, bool shell, string? sudoUser, bool? warnOnly, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(command);
        var context = Ambient.Context;
        var scope = Ambient.Scope;
        if (warnOnly is not null)
        {
            scope = scope with { WarnOnly = warnOnly };
        }

        var target = CurrentTarget(kind, command);
        var connections = context.Connections;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, context.Cancellation);
        OutputGroups.Write(context, scope, new OutputEvent(OutputKind.Command, target.Display, $"{kind}: {command}"));
        var connection = await connections.GetAsync(target, linked.Token).ConfigureAwait(false);

        var isSudo = kind == "sudo";
        var marker = isSudo ? connection.SudoMarker : null;
        var line = RemoteCommandLine.Build(command, scope, shell ? context.Env.Shell : null, marker, sudoUser);
        OutputGroups.Write(context, scope, new OutputEvent(OutputKind.Debug, target.Display, "executing: " + line));
        var linewise = context.Env.Linewise || Ambient.Frame is { Linewise: true };
        var process = new RemoteProcess
        {
            Connection = connection,
            Cache = connections,
            CommandLine = line,
            Description = command,
            OnStdoutLine = text => OutputGroups.Write(context, scope, new OutputEvent(OutputKind.Stdout, target.Display, text)),
            OnStderrLine = text => OutputGroups.Write(context, scope, new OutputEvent(OutputKind.Stderr, target.Display, text)),
            OnStdoutPartial = linewise ? null : text => OutputGroups.Write(context, scope, new OutputEvent(OutputKind.Stdout, target.Display, text) { Partial = true }),
            OnStderrPartial = linewise ? null : text => OutputGroups.Write(context, scope, new OutputEvent(OutputKind.Stderr, target.Display, text) { Partial = true }),
            SudoMarker = marker,
            SudoPassword = isSudo ? attempt => SudoPassword(context, connection, attempt) : null,
            Timeout = context.Ssh.CommandTimeout,
        };
        var exit = await process.RunAsync(linked.Token).ConfigureAwait(false);
        var result = new CommandResult
        {
            Kind = kind,
            Command = command,
            ExecutedCommand = line,
            Host = target.Display,
            Stdout = exit.Stdout,
            Stderr = exit.Stderr,
            ExitCode = exit.ExitCode,
        };
        return CommandOutcome.Check(context, result, scope);
    }

    /// <summary>
    /// The connection target of the current task execution. In a task with no host, the host is asked for once per
    /// run on a terminal, as Fabric does; without a terminal, the run aborts clearly.
    /// </summary>
    public static ConnectionTarget CurrentTarget(string kind, string what)
    {
        if (Ambient.Frame is { Host: { } host } frame)
        {
            var env = Ambient.Context.Env;
            return new ConnectionTarget(host.Original, host.Host, frame.User, frame.Port)
            {
                UserGiven = host.User is not null || env.UserGiven,
                PortGiven = host.Port is not null || env.PortGiven,
            };
        }

        var context = Ambient.Context;
        var asked = context.AskHostOnce(() =>
        {
            var answer = context.SecretPrompt?.AskVisible("No hosts found. Please specify a host string for connection:");
            return string.IsNullOrWhiteSpace(answer) ? null : HostString.Parse(answer);
        }) ?? throw new AbortException(
            $"{kind} '{what}' needs a host, and this task has none: give hosts with -H, [Hosts(...)], Env.Hosts or task:host=….");
        return new ConnectionTarget(asked.Original, asked.Host, asked.UserOr(context.Env.User), asked.PortOr(context.Env.Port))
        {
            UserGiven = asked.User is not null || context.Env.UserGiven,
            PortGiven = asked.Port is not null || context.Env.PortGiven,
        };
    }

    /// <summary>
    /// The sudo password for the n-th prompt on a host: the host's known one, else <c>Env.SudoPassword</c>, else
    /// the <c>-p</c> password, else asked once per host; a repeated prompt (refused password) asks again.
    /// </summary>
    internal static string? SudoPassword(RunContext context, SshConnection connection, int attempt)
    {
        lock (connection.SudoGate)
        {
            if (attempt == 1 && connection.SudoPassword is null)
            {
                connection.SudoPassword = context.Env.SudoPassword ?? context.Ssh.Password;
            }

            if (attempt > 1 || connection.SudoPassword is null)
            {
                if (attempt > 3)
                {
                    connection.SudoPassword = null;
                    return null;
                }

                var answer = context.SecretPrompt?.Ask($"[{connection.Target.Display}] sudo password: ");
                connection.SudoPassword = string.IsNullOrEmpty(answer) ? null : answer;
            }

            return connection.SudoPassword;
        }
    }
}
