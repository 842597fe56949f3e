namespace Fabric.Engine.Hosts;

/// <summary>
/// A parsed host string, <c>[user@]host[:port]</c> (SPEC §4). IPv6 is written <c>[::1]:2222</c>,
/// <c>user@[fe80::1]:22</c> or bare <c>::1</c>; <see cref="Host"/> holds the address without brackets.
/// </summary>
/// <param name="Original">The text as the user wrote it (trimmed): what output shows and <c>Env.HostString</c> holds.</param>
/// <param name="User">The user, or null when the string names none.</param>
/// <param name="Host">The host name or address (IPv6 without brackets).</param>
/// <param name="Port">The port, or null when the string names none.</param>
internal sealed record HostString(string Original, string? User, string Host, int? Port)
{
    /// <summary>
    /// Parses a host string. Throws <see cref="FabricUsageException"/> with a one-line message naming the
    /// string and what is wrong: empty, <c>user@</c>, <c>@host</c>, <c>host:abc</c>, <c>host:0</c>,
    /// <c>host:70000</c>, unclosed <c>[::1</c>.
    /// </summary>
    public static HostString Parse(string text) => throw new NotImplementedException();

    /// <summary>The user to connect as: this string's, else <paramref name="defaultUser"/>.</summary>
    public string UserOr(string defaultUser) => User ?? defaultUser;

    /// <summary>The port to connect to: this string's, else <paramref name="defaultPort"/>.</summary>
    public int PortOr(int defaultPort) => Port ?? defaultPort;

    /// <summary>
    /// True when an exclusion written as <paramref name="exclusion"/> covers this host: the host parts are
    /// equal (case-insensitive) and so is every part the exclusion names (user, port).
    /// <c>-x web1</c> excludes <c>deploy@web1:2222</c>; <c>-x root@web1</c> does not exclude <c>deploy@web1</c>.
    /// </summary>
    public bool IsCoveredBy(HostString exclusion) => throw new NotImplementedException();
}
