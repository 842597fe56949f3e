using Fabric.Engine.Hosts;
using Fabric.Engine.Ssh;
using Fabric.Engine.Transport.SshNet;

namespace Fabric;

/// <summary>
/// How a <see cref="Connection"/> or a <see cref="Group"/> logs in and runs commands: the library's counterpart of the
/// <c>dotnet fab</c> options of the same meaning (<c>-u</c>, <c>--port</c>, <c>-i</c>, <c>-p</c>, <c>--known-hosts</c>,
/// <c>--reject-unknown-hosts</c>, <c>-a</c>, <c>--ssh-config-path</c>, <c>-t</c>, <c>-g</c>, <c>--shell</c>, <c>-w</c>).
/// Everything left out behaves as the tool does by default: the ssh agent, <c>~/.ssh/config</c>, <c>~/.ssh/known_hosts</c>
/// and the default key files are used, and output is not shown. Its text form never shows the password.
/// </summary>
/// <example><code>
/// var options = new ConnectionOptions { User = "deploy", KeyFiles = ["keys/deploy_ed25519"], Output = Console.Out };
/// await using var web1 = new Connection("web1", options);
/// </code></example>
public sealed record ConnectionOptions
{
    /// <summary>The user to log in as when the host string names none; null: the ssh config's <c>User</c>, else the local user.</summary>
    public string? User { get; init; }

    /// <summary>The port to connect to when the host string names none; null: the ssh config's <c>Port</c>, else 22.</summary>
    public int? Port { get; init; }

    /// <summary>Private key files, tried in order before the ssh config's and the default ones (<c>~/.ssh/id_ed25519</c>, …). Relative paths are taken from the current folder.</summary>
    public IReadOnlyList<string> KeyFiles { get; init; } = [];

    /// <summary>The login password, tried when no key is accepted; also the sudo password when sudo asks for one. Masked in all output.</summary>
    public string? Password { get; init; }

    /// <summary>The known_hosts file host keys are checked against; null: <c>~/.ssh/known_hosts</c>.</summary>
    public string? KnownHostsFile { get; init; }

    /// <summary>
    /// True: a host whose key is not in <see cref="KnownHostsFile"/> is refused. False (the default, as <c>dotnet fab</c>): its key
    /// is added to the file and the login goes on. A host whose key differs from the recorded one is refused either way.
    /// </summary>
    public bool RejectUnknownHosts { get; init; }

    /// <summary>Try the keys of the ssh agent (<c>SSH_AUTH_SOCK</c>) first; true by default.</summary>
    public bool UseAgent { get; init; } = true;

    /// <summary>The ssh config file to read (<c>Host</c> blocks, <c>HostName</c>, <c>User</c>, <c>Port</c>, <c>IdentityFile</c>, <c>ProxyJump</c>, …); null: <c>~/.ssh/config</c> when it exists.</summary>
    public string? SshConfigFile { get; init; }

    /// <summary>How long one connection attempt may take; null: the ssh config's <c>ConnectTimeout</c>, else 10 seconds.</summary>
    public TimeSpan? ConnectTimeout { get; init; }

    /// <summary>A jump host every connection goes through (<c>[user@]host[:port]</c>), as <c>ssh -J</c>; null: none, or the ssh config's <c>ProxyJump</c>.</summary>
    public string? Gateway { get; init; }

    /// <summary>The shell remote commands run in, the command appended as one quoted argument; null: <c>/bin/bash -l -c</c>.</summary>
    public string? Shell { get; init; }

    /// <summary>
    /// True: a command that exits non-zero returns its <see cref="CommandResult"/> (<see cref="CommandResult.Failed"/> true) and
    /// writes a warning, instead of throwing <see cref="CommandFailedException"/>. A single call's <c>warnOnly</c> argument beats it.
    /// </summary>
    public bool WarnOnly { get; init; }

    /// <summary>
    /// Where to write what happens, in <c>dotnet fab</c>'s format: <c>[host] run: command</c>, <c>[host] out: line</c>,
    /// <c>[host] err: line</c>, warnings, <c>Disconnecting from host... done.</c>; whole lines only, safe to share between the
    /// hosts of a <see cref="Group"/>. Null (the default): nothing is written; results still carry the output.
    /// </summary>
    public TextWriter? Output { get; init; }

    /// <summary>What <c>~</c> means for the default files (ssh config, known_hosts, keys); the user's home unless a test gives another.</summary>
    internal string? HomeDirectory { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> with a readable message when an option cannot work; see <see cref="Problem"/>.</summary>
    internal void Validate()
    {
        if (Problem() is { } problem)
        {
            throw new ArgumentException(problem);
        }
    }

    /// <summary>
    /// What is wrong with these options, in one sentence naming the option, or null: a port outside 1–65535, a connect timeout
    /// that is not positive, an unreadable or missing key file, a missing ssh config file, a bad gateway host string, an empty user or shell.
    /// </summary>
    internal string? Problem()
    {
        if (Port is < 1 or > 65535)
        {
            return $"ConnectionOptions.Port {Port} is not a port: it must be from 1 to 65535.";
        }

        if (ConnectTimeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            return $"ConnectionOptions.ConnectTimeout must be more than zero (it is {timeout}).";
        }

        if (User is not null && string.IsNullOrWhiteSpace(User))
        {
            return "ConnectionOptions.User is blank: give a user name, or null for the default.";
        }

        if (Shell is not null && string.IsNullOrWhiteSpace(Shell))
        {
            return "ConnectionOptions.Shell is blank: give a shell such as '/bin/sh -c', or null for the default.";
        }

        foreach (var file in KeyFiles)
        {
            if (string.IsNullOrWhiteSpace(file))
            {
                return "ConnectionOptions.KeyFiles has an empty entry.";
            }

            if (KeyRing.Problem(file) is { } problem)
            {
                return "ConnectionOptions.KeyFiles: " + problem;
            }
        }

        if (SshConfigFile is { } config && !File.Exists(config))
        {
            return $"ConnectionOptions.SshConfigFile '{config}' does not exist.";
        }

        return Gateway is null ? null : GatewayProblem(Gateway);
    }

    private static string? GatewayProblem(string gateway)
    {
        try
        {
            HostString.Parse(gateway);
            return null;
        }
        catch (Engine.FabricUsageException e)
        {
            return "ConnectionOptions.Gateway: " + e.Message;
        }
    }

    /// <summary>The engine's SSH options for these: the tool's defaults, with what these options set.</summary>
    internal SshOptions ToSshOptions()
    {
        var defaults = new SshOptions();
        return defaults with
        {
            KeyFiles = [.. KeyFiles.Select(f => Path.GetFullPath(f))],
            Password = Password,
            KnownHostsFile = KnownHostsFile is null ? null : Path.GetFullPath(KnownHostsFile),
            RejectUnknownHosts = RejectUnknownHosts,
            UseAgent = UseAgent,
            SshConfigFile = SshConfigFile is null ? null : Path.GetFullPath(SshConfigFile),
            ConnectTimeout = ConnectTimeout ?? defaults.ConnectTimeout,
            ConnectTimeoutGiven = ConnectTimeout is not null,
            HomeDirectory = HomeDirectory ?? defaults.HomeDirectory,
        };
    }

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("User = ").Append(User).Append(", Port = ").Append(Port)
            .Append(", KeyFiles = [").AppendJoin(", ", KeyFiles).Append(']')
            .Append(", Password = ").Append(Password is null ? "(none)" : "(set)")
            .Append(", KnownHostsFile = ").Append(KnownHostsFile)
            .Append(", RejectUnknownHosts = ").Append(RejectUnknownHosts)
            .Append(", UseAgent = ").Append(UseAgent)
            .Append(", SshConfigFile = ").Append(SshConfigFile)
            .Append(", ConnectTimeout = ").Append(ConnectTimeout)
            .Append(", Gateway = ").Append(Gateway)
            .Append(", Shell = ").Append(Shell)
            .Append(", WarnOnly = ").Append(WarnOnly)
            .Append(", Output = ").Append(Output is null ? "(none)" : "(set)");
        return true;
    }
}
