namespace Fabric.Engine.Ssh;

/// <summary>
/// What <c>~/.ssh/config</c> says about one host alias: each value the first one found, as OpenSSH takes it; null
/// (or empty) when the config does not set it. Values are raw: tokens (<c>%h</c>, <c>~</c>) are expanded by
/// <see cref="SshHostSettings"/>, which also applies the command line's precedence.
/// </summary>
internal sealed record SshHostConfig
{
    public static SshHostConfig None { get; } = new();

    public string? HostName { get; init; }

    public string? User { get; init; }

    public int? Port { get; init; }

    /// <summary>Every <c>IdentityFile</c> of every matching block, in order (the only key that accumulates).</summary>
    public IReadOnlyList<string> IdentityFiles { get; init; } = [];

    public bool? IdentitiesOnly { get; init; }

    /// <summary><c>ProxyJump</c> as written (<c>a,b</c>, or <c>none</c>).</summary>
    public string? ProxyJump { get; init; }

    public TimeSpan? ConnectTimeout { get; init; }

    /// <summary><c>KexAlgorithms</c> as written (<c>a,b</c>, <c>+a</c>, <c>-a</c>, <c>^a</c>).</summary>
    public string? KexAlgorithms { get; init; }

    /// <summary><c>HostKeyAlgorithms</c> as written (<c>a,b</c>, <c>+a</c>, <c>-a</c>, <c>^a</c>).</summary>
    public string? HostKeyAlgorithms { get; init; }

    public TimeSpan? ServerAliveInterval { get; init; }

    /// <summary>
    /// Read and validated, not applied: SSH.NET's keep-alive (an <c>SSH_MSG_IGNORE</c>) gets no answer to count, and its
    /// requests that do (<c>keepalive@openssh.com</c>) are internal. See the README's table of config keys.
    /// </summary>
    public int? ServerAliveCountMax { get; init; }

    /// <summary><c>yes</c>, <c>no</c>, <c>accept-new</c> or <c>ask</c> (<c>off</c> is read as <c>no</c>).</summary>
    public string? StrictHostKeyChecking { get; init; }

    /// <summary>The files of the first <c>UserKnownHostsFile</c> line.</summary>
    public IReadOnlyList<string> UserKnownHostsFiles { get; init; } = [];
}
