using System.Text;

namespace Fabric.Engine.Ssh;

/// <summary>
/// How the run connects over SSH, given by the program that starts the run (the tool fills it from its command line).
/// Its text form never shows the password.
/// </summary>
internal sealed record SshOptions
{
    /// <summary>Private key files, tried in order before the default ones.</summary>
    public IReadOnlyList<string> KeyFiles { get; init; } = [];

    /// <summary>Also try <c>~/.ssh/id_ed25519</c>, <c>id_ecdsa</c>, <c>id_rsa</c> when they exist.</summary>
    public bool UseDefaultKeyFiles { get; init; } = true;

    /// <summary>The login password; also the default sudo password. Null: none given.</summary>
    public string? Password { get; init; }

    /// <summary>How long one connection attempt may take.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one remote command may run; null: no limit.</summary>
    public TimeSpan? CommandTimeout { get; init; }

    /// <summary>How many times to try connecting before giving up on a host.</summary>
    public int ConnectionAttempts { get; init; } = 1;

    /// <summary>The known_hosts file; null: <c>~/.ssh/known_hosts</c>.</summary>
    public string? KnownHostsFile { get; init; }

    /// <summary>Refuse hosts whose key is not in known_hosts instead of adding them.</summary>
    public bool RejectUnknownHosts { get; init; }

    /// <summary>Do not read or write known_hosts at all.</summary>
    public bool DisableKnownHosts { get; init; }

    /// <summary>The ssh config file; null: <c>~/.ssh/config</c>. Read unless <c>Env.UseSshConfig</c> is false.</summary>
    public string? SshConfigFile { get; init; }

    /// <summary>Try the keys of the ssh-agent first.</summary>
    public bool UseAgent { get; init; } = true;

    /// <summary>The agent's socket; null: <c>SSH_AUTH_SOCK</c>.</summary>
    public string? AgentSocket { get; init; }

    /// <summary>True when <see cref="ConnectTimeout"/> came from the command line, so it beats the config's <c>ConnectTimeout</c>.</summary>
    public bool ConnectTimeoutGiven { get; init; }

    /// <summary>What <c>~</c> and <c>%d</c> mean; the user's home unless a test injects another.</summary>
    public string HomeDirectory { get; init; } = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    /// <summary>The ssh config file this run reads.</summary>
    public string SshConfigPath => SshConfigFile ?? System.IO.Path.Combine(HomeDirectory, ".ssh", "config");

    /// <summary>The agent socket this run uses, or null when there is none or the agent is off.</summary>
    public string? AgentSocketPath => UseAgent && (AgentSocket ?? Environment.GetEnvironmentVariable("SSH_AUTH_SOCK")) is { Length: > 0 } socket ? socket : null;

    /// <summary>
    /// Key exchange algorithms in OpenSSH's <c>KexAlgorithms</c> syntax (<c>a,b</c>, <c>+a</c>, <c>-a</c>, <c>^a</c>),
    /// applied to <see cref="Transport.SshNet.KeyExchangeOrder"/>'s default; null: the default.
    /// </summary>
    public string? KexAlgorithms { get; init; }

    /// <summary>
    /// Host key algorithms in OpenSSH's <c>HostKeyAlgorithms</c> syntax, applied to <see cref="Transport.SshNet.HostKeyOrder"/>'s default;
    /// null: the default (OpenSSH's order, host key types already in known_hosts first).
    /// </summary>
    public string? HostKeyAlgorithms { get; init; }

    /// <summary>The known_hosts file this run uses.</summary>
    public string KnownHostsPath => KnownHostsFile ?? System.IO.Path.Combine(HomeDirectory, ".ssh", "known_hosts");

    /// <summary>
    /// The key files to try, in order: <see cref="KeyFiles"/>, the config's <paramref name="configured"/> ones, then the existing
    /// default ones when the config names none (as OpenSSH).
    /// </summary>
    public IEnumerable<string> KeyFilesToTry(IReadOnlyList<string>? configured = null)
    {
        foreach (var file in KeyFiles.Concat(configured ?? []).Distinct(StringComparer.Ordinal))
        {
            yield return file;
        }

        if (UseDefaultKeyFiles && configured is not { Count: > 0 })
        {
            foreach (var name in new[] { "id_ed25519", "id_ecdsa", "id_rsa" })
            {
                var path = System.IO.Path.Combine(HomeDirectory, ".ssh", name);
                if (File.Exists(path) && !KeyFiles.Contains(path))
                {
                    yield return path;
                }
            }
        }
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("KeyFiles = [").AppendJoin(", ", KeyFiles).Append("], UseDefaultKeyFiles = ").Append(UseDefaultKeyFiles)
            .Append(", Password = ").Append(Password is null ? "(none)" : "(set)")
            .Append(", ConnectTimeout = ").Append(ConnectTimeout)
            .Append(", CommandTimeout = ").Append(CommandTimeout)
            .Append(", ConnectionAttempts = ").Append(ConnectionAttempts)
            .Append(", KnownHostsFile = ").Append(KnownHostsFile)
            .Append(", RejectUnknownHosts = ").Append(RejectUnknownHosts)
            .Append(", DisableKnownHosts = ").Append(DisableKnownHosts)
            .Append(", SshConfigFile = ").Append(SshConfigFile)
            .Append(", UseAgent = ").Append(UseAgent)
            .Append(", KexAlgorithms = ").Append(KexAlgorithms)
            .Append(", HostKeyAlgorithms = ").Append(HostKeyAlgorithms);
        return true;
    }
}
