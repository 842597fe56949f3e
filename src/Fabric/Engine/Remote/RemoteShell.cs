using Fabric.Engine.Execution;
using Fabric.Engine.Hosts;
using Fabric.Engine.Output;
using Fabric.Engine.Ssh;
using Fabric.Engine.Transport;

namespace Fabric.Engine.Remote;

/// <summary>
/// <c>Run</c> and <c>Sudo</c>: prints <c>[host] run: cmd</c>, wraps the command in the scopes and the user's shell,
/// runs it on the current host's connection, streams <c>[host] out:</c>/<c>err:</c> lines (and, unless
/// <c>Env.Linewise</c> or in a parallel run, the start of a line before it ends), and checks the
/// outcome (abort, or warn under warn-only).
/// </summary>
internal static class RemoteShell
{
    public static async Task<CommandResult> RunAsync(string kind, string command, string? sudoUser, RemoteCommandOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var scope = Ambient.Scope.WithCallWarnOnly(options.WarnOnly);

        var (result, why) = await ExecuteAsync(kind, command, sudoUser, options, scope, cancellationToken).ConfigureAwait(false);
        return CommandOutcome.Check(Ambient.Context, result, scope, why is null ? null : $"{Describe(result)} failed: {why}");
    }

    /// <summary>
    /// Runs a command as <see cref="RunAsync"/> does (the line shown, the scopes, the shell, sudo and its password, the output
    /// lines) under <paramref name="scope"/>, and leaves the verdict to the caller, for operations built on Run and Sudo (the
    /// file helpers). Returns the result and, when it failed for a reason the exit code alone does not tell (a missing
    /// shell, an account that runs nothing), that reason.
    /// </summary>
    public static async Task<(CommandResult Result, string? Why)> ExecuteAsync(
        string kind, string command, string? sudoUser, RemoteCommandOptions options, ScopeSettings scope, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(command);
        ArgumentNullException.ThrowIfNull(options);
        var context = Ambient.Context;
        var target = CurrentTarget(kind, command);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, context.Cancellation);
        OutputGroups.Write(context, scope, new OutputEvent(OutputKind.Command, target.Display, $"{kind}: {command}"));
        var (stdin, owner) = options.Input is { } input ? input.Open() : (null, null);
        using (owner)
        {
            var host = await context.RemoteHosts.GetAsync(target, linked.Token).ConfigureAwait(false);
            return await RunOnAsync(context, scope, target, host, kind, command, sudoUser, options, stdin, linked.Token).ConfigureAwait(false);
        }
    }

    /// <summary>What a failure message names: <c>run 'command' on host</c>.</summary>
    public static string Describe(CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return $"{result.Kind} '{result.Command}' on {result.Host}";
    }

    private static async Task<(CommandResult Result, string? Why)> RunOnAsync(
        RunContext context, ScopeSettings scope, ConnectionTarget target, IRemoteHost host, string kind, string command, string? sudoUser, RemoteCommandOptions options, Stream? stdin, CancellationToken cancellationToken)
    {
        var pty = options.Pty ?? context.Env.AlwaysUsePty;
        var serial = Ambient.Frame is not { Linewise: true };
        var keyboard = options.Input is null && serial ? context.Terminal : null;
        var sudo = kind == "sudo" ? new SudoLine(host.Sudo.Marker, sudoUser, host.Sudo.StartMarker, pty) : null;
        var shell = options.Shell ? scope.Shell ?? context.Env.Shell : null;
        var line = RemoteCommandLine.Build(command, scope, shell, sudo);
        OutputGroups.Write(context, scope, new OutputEvent(OutputKind.Debug, target.Display, "executing: " + line));
        var exit = await Process(context, scope, target.Display, host, line, command, sudo, pty, stdin, keyboard, options.Capture).RunAsync(cancellationToken).ConfigureAwait(false);
        var result = new CommandResult
        {
            Kind = kind,
            Command = command,
            ExecutedCommand = line,
            Host = target.Display,
            StdoutCapture = exit.StdoutCapture,
            StderrCapture = exit.StderrCapture,
            ExitCode = exit.ExitCode,
        };
        var why = result.Failed ? await RemoteFailure.ReasonAsync(context, host, result, shell, pty, cancellationToken).ConfigureAwait(false) : null;
        return (result, why);
    }

    // display: the host as this operation names it (its connection may have been opened under another name, deploy@web1 for web1).
    private static RemoteProcess Process(
        RunContext context, ScopeSettings scope, string display, IRemoteHost host, string line, string command, SudoLine? sudo, bool pty, Stream? stdin, ITerminal? keyboard, bool capture)
    {
        var linewise = context.Env.Linewise || Ambient.Frame is { Linewise: true };
        return new RemoteProcess
        {
            Host = host,
            Hosts = context.RemoteHosts,
            CommandLine = line,
            Description = command,
            Terminal = pty ? keyboard?.Size ?? context.Terminal?.Size ?? TerminalSize.Default : null,
            Capture = capture,
            Stdin = stdin,
            Keyboard = keyboard,
            OnStdoutLine = text => OutputGroups.Write(context, scope, new OutputEvent(OutputKind.Stdout, display, text)),
            OnStderrLine = text => OutputGroups.Write(context, scope, new OutputEvent(OutputKind.Stderr, display, text)),
            OnStdoutLines = lines => OutputGroups.WriteLines(context, scope, OutputKind.Stdout, display, lines),
            OnStderrLines = lines => OutputGroups.WriteLines(context, scope, OutputKind.Stderr, display, lines),
            OnStdoutPartial = linewise ? null : text => OutputGroups.Write(context, scope, new OutputEvent(OutputKind.Stdout, display, text) { Partial = true }),
            OnStderrPartial = linewise ? null : text => OutputGroups.Write(context, scope, new OutputEvent(OutputKind.Stderr, display, text) { Partial = true }),
            SudoMarker = sudo?.Marker,
            StartMarker = sudo?.StartMarker,
            SudoPassword = sudo is null ? null : attempt => SudoPassword(context, host, attempt),
            Timeout = context.Ssh.CommandTimeout,
        };
    }

    /// <summary>
    /// The connection target of the current task execution, or of the host a <c>Settings(hostString: …)</c> scope switched
    /// to (<see cref="CurrentLogin"/>). With no host at all, the host is asked for once per run on a terminal, as Fabric
    /// does; without a terminal, the run aborts clearly.
    /// </summary>
    public static ConnectionTarget CurrentTarget(string kind, string what)
    {
        var context = Ambient.Context;
        var frame = Ambient.Frame;
        var scope = Ambient.Scope;
        var host = CurrentLogin.Host(frame, scope) ?? context.AskHostOnce(() =>
        {
            var answer = context.SecretPrompt?.AskVisible("No hosts found. Please specify a host string for connection:");
            return string.IsNullOrWhiteSpace(answer) ? null : HostString.Parse(answer, "the answer to 'No hosts found'");
        }) ?? throw new AbortException(
            $"{kind} '{what}' needs a host, and this task has none: give hosts with {context.SettingNames.Name(Setting.Hosts)}, [Hosts(...)], task:host=… or Settings(hostString: …).");
        return CurrentLogin.Target(host, frame, scope, context.Env);
    }

    /// <summary>
    /// The sudo password for the n-th prompt on a host: the host's known one, else <c>Env.SudoPassword</c>, else
    /// the run's password (<see cref="SshOptions.Password"/>), else asked once per host; a repeated prompt (refused
    /// password) asks again.
    /// </summary>
    internal static string? SudoPassword(RunContext context, IRemoteHost host, int attempt)
    {
        var sudo = host.Sudo;
        lock (sudo.Gate)
        {
            if (attempt == 1 && sudo.Password is null)
            {
                sudo.Password = context.Env.SudoPassword ?? context.Connections.KnownPasswordFor(host.Target);
            }

            if (attempt > 1 || sudo.Password is null)
            {
                if (attempt > 3)
                {
                    sudo.Password = null;
                    return null;
                }

                var answer = context.SecretPrompt?.Ask($"[{host.Target.Display}] sudo password: ");
                sudo.Password = string.IsNullOrEmpty(answer) ? null : answer;
            }

            return sudo.Password;
        }
    }

}
