namespace Fabric.Engine.Ssh;

/// <summary>Where a connection goes: the host string as written (for messages), and the host (alias), user and port.</summary>
/// <remarks>
/// <see cref="UserGiven"/>/<see cref="PortGiven"/>: the user or port came from the host string or the command line (or the
/// fabfile), so they beat <c>~/.ssh/config</c>; otherwise the config's <c>User</c>/<c>Port</c> win over the defaults.
/// </remarks>
internal sealed record ConnectionTarget(string Display, string Host, string User, int Port)
{
    public bool UserGiven { get; init; } = true;

    public bool PortGiven { get; init; } = true;

    /// <summary>The password and key files of the <c>Settings</c> scope the operation ran in, used if it opens the connection; null: the run's.</summary>
    public LoginCredentials? Credentials { get; init; }

    /// <summary>The jump host of the <c>Settings</c> scope the operation ran in, in place of <c>Env.Gateway</c>: empty for none; null: the run's.</summary>
    public string? Gateway { get; init; }

    /// <summary>The cache key: operations naming the same user, host and port (and the same scope's jump host, if any) share one connection.</summary>
    public string Key => Gateway is null ? $"{User}@{Host}:{Port}" : $"{User}@{Host}:{Port} via {(Gateway.Length == 0 ? "no gateway" : Gateway)}";
}
