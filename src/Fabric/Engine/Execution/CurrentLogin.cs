using Fabric.Engine.Hosts;
using Fabric.Engine.Ssh;

namespace Fabric.Engine.Execution;

/// <summary>
/// Where the operations at this point of a task go, and as whom, before <c>~/.ssh/config</c> is applied: the execution's
/// host, or the one a <c>Settings(hostString: …)</c> scope switched to; the user and port of the host string, else of the
/// innermost <c>Settings(user:/port:)</c>, else those <c>Env.User</c>/<c>Env.Port</c> set in the execution, else the run's
/// defaults. The connection cache key (<see cref="ConnectionTarget.Key"/>) follows: another user or port is another connection.
/// </summary>
internal static class CurrentLogin
{
    /// <summary>The host in force: the innermost <c>Settings(hostString: …)</c>'s, else the execution's; null: none.</summary>
    public static HostString? Host(ExecutionFrame? frame, ScopeSettings scope) => scope.Host ?? frame?.Host;

    /// <summary>The connection target of <paramref name="host"/> under <paramref name="frame"/>, <paramref name="scope"/> and the run's <paramref name="env"/>.</summary>
    public static ConnectionTarget Target(HostString host, ExecutionFrame? frame, ScopeSettings scope, EnvState env)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(env);

        // The execution's own host keeps the defaults it started with; another host takes the run's as they are now.
        var own = frame?.Host is { } frameHost && ReferenceEquals(host, frameHost);
        var defaultUser = own ? frame!.User : env.User;
        var defaultPort = own ? frame!.Port : env.Port;
        var chosenUser = scope.User ?? frame?.Login.User;
        var chosenPort = scope.Port ?? frame?.Login.Port;

        var user = host.User ?? chosenUser ?? defaultUser;
        var port = host.Port ?? chosenPort ?? defaultPort;
        var userChanged = host.User is null && chosenUser is not null && chosenUser != defaultUser;
        var portChanged = host.Port is null && chosenPort is not null && chosenPort != defaultPort;
        var display = userChanged || portChanged
            ? host.WithLogin(userChanged ? user : host.User, portChanged ? port : host.Port).Original
            : host.Original;
        return new ConnectionTarget(display, host.Host, user, port)
        {
            UserGiven = host.User is not null || chosenUser is not null || env.UserGiven,
            PortGiven = host.Port is not null || chosenPort is not null || env.PortGiven,
            Credentials = scope.Credentials,
            Gateway = scope.Gateway,
        };
    }

    /// <summary>
    /// The host string operations show and <c>Env.HostString</c> reports: the host in force as written, with a user or port
    /// that a scope or <c>Env.User</c>/<c>Env.Port</c> changed written in; null: no host.
    /// </summary>
    public static string? Display(ExecutionFrame? frame, ScopeSettings scope, EnvState env) =>
        Host(frame, scope) is { } host ? Target(host, frame, scope, env).Display : null;
}
