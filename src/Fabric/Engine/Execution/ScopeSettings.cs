using System.Collections.Immutable;

namespace Fabric.Engine.Execution;

/// <summary>
/// Settings that <c>using</c> scopes change (<c>Settings(warnOnly: true)</c>, <c>Cd</c>, <c>Prefix</c>, <c>Hide</c>, …):
/// immutable, replaced for the length of a scope, flowing with async code through <see cref="Ambient"/>.
/// A null member means "not set by any scope": <c>Env</c>'s run-wide value applies.
/// </summary>
internal sealed record ScopeSettings
{
    public static ScopeSettings None { get; } = new();

    /// <summary>Warn-only as the innermost <c>Settings(warnOnly: …)</c>, <c>WarnOnly()</c> or <c>Quiet()</c> scope set it, or null: none did.</summary>
    public bool? WarnOnly { get; init; }

    /// <summary>The host a <c>Settings(hostString: …)</c> scope switched to, or null: the execution's.</summary>
    public Hosts.HostString? Host { get; init; }

    /// <summary>The user a <c>Settings(user: …)</c> scope logs in as (a user written in the host string still wins), or null.</summary>
    public string? User { get; init; }

    /// <summary>The port a <c>Settings(port: …)</c> scope connects to (a port written in the host string still wins), or null.</summary>
    public int? Port { get; init; }

    /// <summary>The password and key files of <c>Settings(password: …, keyFilenames: …)</c> scopes, or null: none.</summary>
    public Ssh.LoginCredentials? Credentials { get; init; }

    /// <summary>The jump host of a <c>Settings(gateway: …)</c> scope, in place of <c>Env.Gateway</c>: empty for none; null: the run's.</summary>
    public string? Gateway { get; init; }

    /// <summary>The shell of a <c>Settings(shell: …)</c> scope, in place of <c>Env.Shell</c>, or null.</summary>
    public string? Shell { get; init; }

    /// <summary>Local working directory for <c>Local</c> (<c>Lcd</c>), or null for the process's.</summary>
    public string? LocalDirectory { get; init; }

    /// <summary>Remote working directory for <c>Run</c>/<c>Sudo</c>/<c>Put</c>/<c>Get</c> (<c>Cd</c>), or null for the login directory.</summary>
    public string? RemoteDirectory { get; init; }

    /// <summary><c>Path</c> scopes, outermost first, applied in order to the remote <c>PATH</c>.</summary>
    public ImmutableList<PathChange> PathChanges { get; init; } = [];

    /// <summary><c>Prefix</c> commands, outermost first, run with <c>&amp;&amp;</c> before each remote command.</summary>
    public ImmutableList<string> Prefixes { get; init; } = [];

    /// <summary><c>ShellEnv</c> variables exported before each remote command (inner scopes override outer ones).</summary>
    public ImmutableSortedDictionary<string, string> ShellEnvironment { get; init; } = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>Values a <c>Secrets(...)</c> scope masks in output.</summary>
    public ImmutableList<string> Secrets { get; init; } = [];

    /// <summary>Output groups a <c>Hide</c>/<c>Show</c>/<c>Quiet</c> scope turned off (false) or on (true).</summary>
    public ImmutableDictionary<string, bool> OutputGroups { get; init; } = ImmutableDictionary.Create<string, bool>(StringComparer.Ordinal);

    /// <summary>
    /// The one warn-only rule: whether a failure (a command, a transfer, a file helper) warns and goes on (true) or aborts
    /// (false). A per-call <c>warnOnly:</c> argument wins, then the innermost scope that set it, then the run-wide
    /// <c>Env.WarnOnly</c> (as the run starts it, or assigned by the fabfile).
    /// </summary>
    /// <param name="runWide">The run's <c>Env.WarnOnly</c>.</param>
    /// <param name="perCall">The call's own <c>warnOnly:</c> argument, or null when it gave none.</param>
    public bool FailureWarns(bool runWide, bool? perCall = null) => perCall ?? WarnOnly ?? runWide;

    /// <summary>These settings with a call's own <c>warnOnly:</c> in force (null: unchanged), for everything the call then decides.</summary>
    public ScopeSettings WithCallWarnOnly(bool? perCall) => perCall is null ? this : this with { WarnOnly = perCall };
}
