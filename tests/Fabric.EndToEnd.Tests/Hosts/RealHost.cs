namespace Fabric.EndToEnd.Tests.Hosts;

/// <summary>
/// One server and account the real-host tests log in to, with what <c>dotnet fab</c> needs for it: the host string,
/// the client key the server accepts, a known_hosts file that already holds the server's key, and the password sudo
/// asks for (null when the account has none).
/// </summary>
public sealed record RealHost(string User, string Address, int Port, string ClientKey, string KnownHostsFile, string? Password)
{
    /// <summary>The host string, <c>user@127.0.0.N:port</c>, as the tool names the host in its output.</summary>
    public string HostString => $"{User}@{Address}:{Port}";
}
