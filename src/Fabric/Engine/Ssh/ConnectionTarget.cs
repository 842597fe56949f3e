namespace Fabric.Engine.Ssh;

/// <summary>Where a connection goes: the host string as written (for messages), and the resolved host, user and port.</summary>
internal sealed record ConnectionTarget(string Display, string Host, string User, int Port)
{
    /// <summary>The cache key: operations naming the same user, host and port share one connection.</summary>
    public string Key => $"{User}@{Host}:{Port}";
}
