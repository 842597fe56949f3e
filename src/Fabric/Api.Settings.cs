using System.Collections.Immutable;
using Fabric.Engine.Execution;
using Fabric.Engine.Hosts;
using Fabric.Engine.Ssh;

namespace Fabric;

/// <summary><c>Settings(...)</c>: another host, user, port, credentials, shell or warn-only for a block.</summary>
public static partial class Api
{
    /// <summary>
    /// Changes settings for a block, as Fabric's <c>with settings(...)</c>: <c>using (Settings(hostString: "db1")) Run("…");</c>
    /// runs on db1 whatever host the task runs on (or with none), resolved as any host is (<c>~/.ssh/config</c>, known_hosts,
    /// jump hosts) and over the run's cached connection to it, which later blocks and tasks reuse. Inside, <c>Env.HostString</c>,
    /// <c>Env.Host</c>, <c>Env.User</c> and <c>Env.Port</c> describe that host and output lines carry its name.
    /// <para>
    /// <paramref name="user"/> and <paramref name="port"/> change the login of the block's operations (a user or port written
    /// in the host string still wins); another user or port is another connection. <paramref name="password"/> and
    /// <paramref name="keyFilenames"/> are used when an operation of the block opens a connection (a connection already open
    /// to the same user, host and port is reused as it is); the password is masked in output. Arguments left null keep
    /// their current value. Scopes nest (the innermost wins) and flow through <c>await</c>.
    /// </para>
    /// </summary>
    /// <param name="hostString">The host to run on, <c>[user@]host[:port]</c>; null: the current one.</param>
    /// <param name="user">The user to log in as where the host string names none; null: the current one.</param>
    /// <param name="port">The port to connect to where the host string names none; null: the current one.</param>
    /// <param name="password">The login password (also sudo's, unless <c>Env.SudoPassword</c> is set); null: the run's.</param>
    /// <param name="keyFilenames">Private key files to log in with, in place of <c>Env.KeyFilenames</c>; null: those.</param>
    /// <param name="shell">The shell remote commands run in, in place of <c>Env.Shell</c> (e.g. <c>"/bin/sh -c"</c>); null: that.</param>
    /// <param name="warnOnly">True: failed commands warn instead of aborting; null: the current setting.</param>
    /// <param name="gateway">
    /// The jump host to reach the block's hosts through, in place of <c>Env.Gateway</c>/<c>-g</c> (<c>[user@]host[:port]</c>);
    /// <c>""</c>: none, as Fabric's <c>settings(host_string=env.gateway, gateway=None)</c> to run on the jump host itself;
    /// null: the current one. The ssh config's <c>ProxyJump</c> applies where no gateway is given, as without the scope.
    /// </param>
    /// <returns>Dispose to leave the scope.</returns>
    /// <exception cref="AbortException"><paramref name="hostString"/> or <paramref name="gateway"/> is no host string, or <paramref name="port"/> no port.</exception>
    public static IDisposable Settings(
        string? hostString = null, string? user = null, int? port = null, string? password = null,
        IEnumerable<string>? keyFilenames = null, string? shell = null, bool? warnOnly = null, string? gateway = null)
    {
        var host = hostString is null ? null : Checked(() => HostString.Parse(hostString, "Settings(hostString:)"));
        if (gateway is { Length: > 0 })
        {
            Checked(() => HostString.ParseJumpHost(gateway, "Settings(gateway:)"));
        }

        if (port is < 1 or > 65535)
        {
            throw new AbortException($"Settings: port {port} is not a port (1 to 65535).");
        }

        if (user is { Length: 0 })
        {
            throw new AbortException("Settings: the user is empty.");
        }

        ImmutableList<string>? keys = keyFilenames is null ? null : [.. keyFilenames];
        return Ambient.EnterScope(s => s with
        {
            Host = host ?? s.Host,
            User = user ?? s.User,
            Port = port ?? s.Port,
            Credentials = LoginCredentials.Over(s.Credentials, password, keys),
            Secrets = string.IsNullOrEmpty(password) ? s.Secrets : s.Secrets.Add(password),
            Shell = shell ?? s.Shell,
            WarnOnly = warnOnly ?? s.WarnOnly,
            Gateway = gateway ?? s.Gateway,
        });
    }

    /// <summary>
    /// Warn-only for a block, or not: <c>using (Settings(warnOnly: true)) { … }</c>. The form of
    /// <see cref="Settings(string?, string?, int?, string?, IEnumerable{string}?, string?, bool?, string?)"/> with only this argument.
    /// </summary>
    /// <param name="warnOnly">True: failed commands warn instead of aborting; null: the current setting.</param>
    /// <returns>Dispose to leave the scope.</returns>
    public static IDisposable Settings(bool? warnOnly) => Settings(hostString: null, warnOnly: warnOnly);

    /// <summary>A host string checked inside a task: a bad one aborts the task with the validator's message.</summary>
    private static HostString Checked(Func<HostString> parse)
    {
        try
        {
            return parse();
        }
        catch (Engine.FabricUsageException e)
        {
            throw new AbortException(e.Message, e);
        }
    }
}
