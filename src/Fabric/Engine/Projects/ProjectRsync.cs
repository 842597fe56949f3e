using Fabric.Engine.Execution;
using Fabric.Engine.Local;
using Fabric.Engine.Remote;
using Fabric.Engine.Ssh;

namespace Fabric.Engine.Projects;

/// <summary>
/// <c>RsyncProject</c>: this machine's <c>rsync</c> over this machine's <c>ssh</c>, told to log in as the run's own connection
/// does (<see cref="SshRoute"/>, <see cref="OpenSshCommand"/>), run as a <c>Local</c> command (its output, groups and capture).
/// The run connects first, so the host key is checked (and recorded) and the login tried the run's way before ssh tries them.
/// </summary>
internal static class ProjectRsync
{
    private const int CommandNotFound = 127;
    private const int SshFailed = 255;

    public static async Task<CommandResult> RunAsync(RsyncRequest request, bool capture, CancellationToken cancellationToken)
    {
        var context = Ambient.Context;
        var scope = Ambient.Scope;
        if (capture)
        {
            scope = scope with { OutputGroups = scope.OutputGroups.SetItems([new("stdout", false), new("stderr", false)]) };
        }

        var target = RemoteShell.CurrentTarget("rsync_project", request.RemoteDir);
        if (LocalShell.Find("rsync") is null)
        {
            throw new AbortException($"rsync_project to {target.Display}: rsync is not installed on this machine (none on PATH); install it (apt-get install rsync), or use UploadProject.");
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, context.Cancellation);
        await context.RemoteHosts.GetAsync(target, linked.Token).ConfigureAwait(false);
        var route = SshRoute.Of(context.Connections.Hosts, target, () => context.Env.User, context.Env.UseSshConfig);
        var password = context.Connections.KnownPasswordFor(target);
        if (password is not null && route.Hops.FirstOrDefault(hop => hop.AgentSocket is null && !hop.KeyFiles.Any(File.Exists)) is { } keyless)
        {
            throw new AbortException(PasswordOnly(target.Display, keyless, context.SettingNames));
        }

        var command = RsyncCommand.Build(request with { RemoteDir = RemotePaths.Join(scope.RemoteDirectory, request.RemoteDir) }, route);
        var result = await LocalShell.ExecuteAsync(context, command, scope, linked.Token).ConfigureAwait(false);
        return CommandOutcome.Check(context, result, scope, result.Failed ? Explain(result, target.Display, password is not null, context.SettingNames) : null);
    }

    /// <summary>Why rsync failed, when its exit code says more than a number: rsync or ssh missing there, or ssh's login refused.</summary>
    internal static string? Explain(CommandResult result, string host, bool runHasPassword, SettingNames? names = null)
    {
        names ??= SettingNames.Library;
        var said = result.Stderr.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var sshSaid = said.FirstOrDefault(l => !l.StartsWith("rsync", StringComparison.Ordinal)) ?? said.LastOrDefault() ?? "";
        if (result.ExitCode == CommandNotFound || said.Any(l => l.Contains("rsync: command not found", StringComparison.Ordinal) || l.EndsWith("rsync: not found", StringComparison.Ordinal)))
        {
            return $"rsync_project: rsync is not installed on {host} ({sshSaid}); install it there, or use UploadProject.";
        }

        if (result.ExitCode == SshFailed || said.Any(l => l.Contains("Permission denied (", StringComparison.Ordinal)))
        {
            var hint = runHasPassword && said.Any(l => l.Contains("Permission denied (", StringComparison.Ordinal))
                ? $" The run logs in with a password, which ssh cannot reuse: give a key file ({names.Name(Setting.KeyFiles)}) the host accepts, or load one into the ssh-agent."
                : "";
            return $"rsync_project: ssh from this machine to {host} failed: {sshSaid.TrimEnd('.')}.{hint}";
        }

        return null;
    }

    private static string PasswordOnly(string host, SshRoute keyless, SettingNames names) =>
        $"rsync_project to {host}: the run logs in to {keyless.Alias} with a password, which the ssh that rsync runs cannot reuse (it asks nothing); "
        + $"give a key file ({names.Name(Setting.KeyFiles)}) or load a key into the ssh-agent, or use UploadProject, which goes over the run's own connection.";
}
