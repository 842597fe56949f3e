namespace Fabric.Engine.Ssh;

/// <summary>
/// How to connect to one target once the command line, the host string and <c>~/.ssh/config</c> are combined with
/// OpenSSH's precedence: what the user gave on the command line or in the host string beats the config, the config beats
/// the defaults. <see cref="Options"/> is the run's options with this host's known_hosts file and checking applied.
/// </summary>
internal sealed record SshHostSettings(
    string HostName,
    string User,
    int Port,
    IReadOnlyList<string> KeyFiles,
    bool IdentitiesOnly,
    IReadOnlyList<string> Jumps,
    TimeSpan? KeepAlive,
    SshOptions Options)
{
    /// <summary>Combines <paramref name="target"/> and the run's <paramref name="options"/> with the config's <paramref name="config"/>.</summary>
    /// <param name="target">The host string's alias, user and port, and whether they were given.</param>
    /// <param name="options">The command line's options.</param>
    /// <param name="config">What the config says about the alias (<see cref="SshHostConfig.None"/> when it is not read).</param>
    /// <param name="gateway"><c>Env.Gateway</c> or a scope's: beats the config's <c>ProxyJump</c>; null: none given.</param>
    /// <exception cref="FormatException">A config value with a bad <c>%</c> token.</exception>
    public static SshHostSettings Of(ConnectionTarget target, SshOptions options, SshHostConfig config, string? gateway)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(config);
        var user = !target.UserGiven && config.User is { } configUser ? configUser : target.User;
        var port = !target.PortGiven && config.Port is { } configPort ? configPort : target.Port;
        var hostName = config.HostName is { } name ? AliasTokens(target, options).Expand(name) : target.Host;
        var tokens = new SshTokens(options.HomeDirectory, Environment.UserName, user, hostName, target.Host, port);
        var jumps = gateway ?? config.ProxyJump;
        var strict = config.StrictHostKeyChecking;
        var hostOptions = options with
        {
            KnownHostsFile = options.KnownHostsFile ?? (config.UserKnownHostsFiles.Count > 0 ? tokens.ExpandPath(config.UserKnownHostsFiles[0]) : null),
            RejectUnknownHosts = options.RejectUnknownHosts || strict == "yes",
            ConnectTimeout = !options.ConnectTimeoutGiven && config.ConnectTimeout is { } timeout ? timeout : options.ConnectTimeout,
            KexAlgorithms = options.KexAlgorithms ?? config.KexAlgorithms,
            HostKeyAlgorithms = options.HostKeyAlgorithms ?? config.HostKeyAlgorithms,
        };
        return new SshHostSettings(
            hostName,
            user,
            port,
            [.. options.KeyFilesToTry([.. config.IdentityFiles.Select(tokens.ExpandPath)])],
            config.IdentitiesOnly ?? false,
            jumps is null || jumps.Equals("none", StringComparison.OrdinalIgnoreCase) ? [] : [.. jumps.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
            config.ServerAliveInterval is { } interval && interval > TimeSpan.Zero ? interval : null,
            hostOptions);
    }

    /// <summary>In <c>HostName</c>, <c>%h</c> is the alias itself.</summary>
    private static SshTokens AliasTokens(ConnectionTarget target, SshOptions options) =>
        new(options.HomeDirectory, Environment.UserName, target.User, target.Host, target.Host, target.Port);
}
