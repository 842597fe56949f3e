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

    public bool? WarnOnly { get; init; }

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
}
