using Fabric.Engine.Hosts;

namespace Fabric.Engine.Ssh;

/// <summary>How strictly a host key is checked: as the run does it, so that OpenSSH's <c>ssh</c> can be told the same.</summary>
internal enum HostKeyPolicy
{
    /// <summary>An unknown key is added to known_hosts; a changed one refuses (<c>StrictHostKeyChecking=accept-new</c>).</summary>
    AcceptNew,

    /// <summary>An unknown key refuses too (<see cref="SshOptions.RejectUnknownHosts"/>, or the config's <c>StrictHostKeyChecking yes</c>).</summary>
    Reject,

    /// <summary>Keys are not checked (<see cref="SshOptions.DisableKnownHosts"/>).</summary>
    Off,
}

/// <summary>
/// How the run reaches one host, as plain data another SSH client can be given (OpenSSH's <c>ssh</c>, for <c>RsyncProject</c>):
/// the same user, port, key files, agent, known_hosts file, host-key policy and ssh config file, and the jump host it goes
/// through (<see cref="Via"/>, itself a route), resolved exactly as the run's own connection resolves them.
/// </summary>
/// <param name="Alias">The host as written (the ssh config's <c>Host</c> alias, if it is one).</param>
/// <param name="HostName">Where the alias leads (the config's <c>HostName</c>): what the jump host before it forwards to.</param>
/// <param name="User">The login user.</param>
/// <param name="Port">The port.</param>
/// <param name="KeyFiles">The private key files tried, in order.</param>
/// <param name="IdentitiesOnly">Only those keys (and agent keys matching them).</param>
/// <param name="AgentSocket">The ssh-agent's socket, or null when the run uses none.</param>
/// <param name="ConfigFile">The ssh config file read, or null when none is.</param>
/// <param name="KnownHostsFile">The known_hosts file.</param>
/// <param name="Policy">How host keys are checked.</param>
/// <param name="ConnectTimeout">How long connecting may take.</param>
/// <param name="Via">The jump host this one is reached through, or null.</param>
internal sealed record SshRoute(
    string Alias,
    string HostName,
    string User,
    int Port,
    IReadOnlyList<string> KeyFiles,
    bool IdentitiesOnly,
    string? AgentSocket,
    string? ConfigFile,
    string KnownHostsFile,
    HostKeyPolicy Policy,
    TimeSpan ConnectTimeout,
    SshRoute? Via)
{
    /// <summary>Where a jump host string comes from, for the host-string validator's message.</summary>
    public const string JumpHostSource = "the jump host (Env.Gateway, Settings(gateway:) or ProxyJump)";

    private const int MaxDepth = 8;

    /// <summary>Every host on the way, the target first, then each jump host outwards.</summary>
    public IEnumerable<SshRoute> Hops
    {
        get
        {
            for (var hop = this; hop is not null; hop = hop.Via)
            {
                yield return hop;
            }
        }
    }

    /// <summary>
    /// The route to <paramref name="target"/>: its settings as <paramref name="resolver"/> gives them (the command line, the host
    /// string, the ssh config, <c>Env.Gateway</c>), and the same for each jump host, as the run's connections take them.
    /// </summary>
    /// <param name="resolver">The run's host resolver.</param>
    /// <param name="target">The host.</param>
    /// <param name="defaultUser">The user of a jump host written without one (<c>Env.User</c>).</param>
    /// <param name="configRead">Whether the run reads the ssh config (<c>Env.UseSshConfig</c>).</param>
    /// <param name="jumps">For a jump host reached through others: those, replacing any the config names.</param>
    /// <param name="depth">How many jump hosts deep this is.</param>
    /// <exception cref="AbortException">The config is unreadable, or jump hosts nest too deep (a loop).</exception>
    public static SshRoute Of(HostResolver resolver, ConnectionTarget target, Func<string> defaultUser, bool configRead, IReadOnlyList<string>? jumps = null, int depth = 0)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(defaultUser);
        if (depth > MaxDepth)
        {
            throw new AbortException($"Jump hosts nest more than {MaxDepth} deep on the way to {target.Display}: is there a ProxyJump loop in the ssh config?");
        }

        var host = resolver.Resolve(target, jumps);
        if (depth > 0 && jumps is null && host.Jumps.Contains(target.Display, StringComparer.OrdinalIgnoreCase))
        {
            host = host with { Jumps = [] }; // A gateway matched by its own ProxyJump (Host * ProxyJump gw) is reached directly.
        }

        SshRoute? via = null;
        if (host.Jumps.Count > 0)
        {
            var spec = host.Jumps[^1];
            var parsed = HostString.ParseJumpHost(spec, JumpHostSource);
            var gateway = new ConnectionTarget(spec, parsed.Host, parsed.User ?? defaultUser(), parsed.Port ?? 22)
            {
                UserGiven = parsed.User is not null,
                PortGiven = parsed.Port is not null,
            };
            via = Of(resolver, gateway, defaultUser, configRead, host.Jumps.Count > 1 ? [.. host.Jumps.Take(host.Jumps.Count - 1)] : null, depth + 1);
        }

        var options = host.Options;
        var policy = options.DisableKnownHosts ? HostKeyPolicy.Off : options.RejectUnknownHosts ? HostKeyPolicy.Reject : HostKeyPolicy.AcceptNew;
        return new SshRoute(
            target.Host,
            host.HostName,
            host.User,
            host.Port,
            host.KeyFiles,
            host.IdentitiesOnly,
            options.AgentSocketPath,
            configRead && File.Exists(options.SshConfigPath) ? options.SshConfigPath : null,
            options.KnownHostsPath,
            policy,
            options.ConnectTimeout,
            via);
    }
}
