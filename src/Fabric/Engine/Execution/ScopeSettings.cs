namespace Fabric.Engine.Execution;

/// <summary>
/// Settings that <c>using</c> scopes change (<c>Settings(warnOnly: true)</c>, <c>WarnOnly()</c>, …): immutable,
/// replaced for the length of a scope, flowing with async code through <see cref="Ambient"/>.
/// A null member means "not set by any scope": <c>Env</c>'s run-wide value applies.
/// </summary>
internal sealed record ScopeSettings
{
    public static ScopeSettings None { get; } = new();

    public bool? WarnOnly { get; init; }

    /// <summary>Local working directory for <c>Local</c> (<c>Lcd</c>), or null for the process's.</summary>
    public string? LocalDirectory { get; init; }
}
