using System.Globalization;
using System.Net;

namespace Fabric.Engine.Hosts;

/// <summary>
/// A parsed host string, <c>[user@]host[:port]</c>. IPv6 is written <c>[::1]:2222</c>,
/// <c>user@[fe80::1]:22</c> or bare <c>::1</c>; <see cref="Host"/> holds the address without brackets.
/// </summary>
/// <param name="Original">The text as the user wrote it (trimmed): what output shows and <c>Env.HostString</c> holds.</param>
/// <param name="User">The user, or null when the string names none.</param>
/// <param name="Host">The host name or address (IPv6 without brackets).</param>
/// <param name="Port">The port, or null when the string names none.</param>
public sealed record HostString(string Original, string? User, string Host, int? Port)
{
    /// <summary>
    /// Parses a host string. Throws <see cref="FabricUsageException"/> with a one-line message naming the
    /// string and what is wrong: empty, <c>user@</c>, <c>@host</c>, <c>host:abc</c>, <c>host:0</c>,
    /// <c>host:70000</c>, unclosed <c>[::1</c>.
    /// </summary>
    public static HostString Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text, source: null);
    }

    /// <summary>
    /// The one host-string validator: parses <paramref name="text"/> (null reads as empty) as <see cref="Parse(string)"/>
    /// does, and a bad one is a <see cref="FabricUsageException"/> in one format naming the value and where it came from:
    /// <c>Invalid host string 'web1:abc' in Env.Hosts: the port must be a number from 1 to 65535.</c>
    /// </summary>
    /// <param name="text">The host string.</param>
    /// <param name="source">Where it came from, as the user wrote it: <c>Env.Hosts</c>, <c>Settings(hostString:)</c>, or a client's own name for it.</param>
    public static HostString Parse(string? text, string? source)
    {
        var original = (text ?? "").Trim();
        if (original.Length == 0)
        {
            throw Invalid(original, source, "it is empty");
        }

        if (original.Any(char.IsWhiteSpace))
        {
            throw Invalid(original, source, "it contains whitespace");
        }

        string? user = null;
        var rest = original;
        var at = original.LastIndexOf('@');
        if (at >= 0)
        {
            user = original[..at];
            rest = original[(at + 1)..];
            if (user.Length == 0)
            {
                throw Invalid(original, source, "the user before '@' is empty");
            }

            if (rest.Length == 0)
            {
                throw Invalid(original, source, "the host after '@' is missing");
            }
        }

        var (host, portText) = SplitHostAndPort(original, source, rest);
        if (host.Length == 0)
        {
            throw Invalid(original, source, "the host is empty");
        }

        if (host.IndexOfAny(['[', ']']) >= 0)
        {
            throw Invalid(original, source, "brackets must enclose the whole host, as in [::1]:22");
        }

        return new HostString(original, user, host, portText is null ? null : ParsePort(original, source, portText));
    }

    /// <summary>Validates every host string of each source (<see cref="Parse(string?, string?)"/>), so a bad one stops the run before it starts.</summary>
    public static void Validate(params (string Source, IEnumerable<string?> Texts)[] sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        foreach (var (source, texts) in sources)
        {
            foreach (var text in texts)
            {
                _ = Parse(text, source);
            }
        }
    }

    /// <summary>A jump host (<c>Env.Gateway</c>, <c>Settings(gateway:)</c>, ssh config's <c>ProxyJump</c>): a host string, optionally written <c>ssh://…</c>.</summary>
    public static HostString ParseJumpHost(string spec, string source)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Parse(spec.StartsWith("ssh://", StringComparison.OrdinalIgnoreCase) ? spec[6..] : spec, source);
    }

    /// <summary>The user to connect as: this string's, else <paramref name="defaultUser"/>.</summary>
    public string UserOr(string defaultUser) => User ?? defaultUser;

    /// <summary>The port to connect to: this string's, else <paramref name="defaultPort"/>.</summary>
    public int PortOr(int defaultPort) => Port ?? defaultPort;

    /// <summary>
    /// This host with <paramref name="user"/> and <paramref name="port"/> written in (null: none written), its
    /// <see cref="Original"/> rebuilt: <c>web1</c> with <c>deploy</c> is <c>deploy@web1</c>, <c>::1</c> with port 2222 is <c>[::1]:2222</c>.
    /// </summary>
    public HostString WithLogin(string? user, int? port)
    {
        var host = Host.Contains(':', StringComparison.Ordinal) && port is not null ? $"[{Host}]" : Host;
        var text = (user is null ? "" : user + "@") + host + (port is null ? "" : ":" + port.Value.ToString(CultureInfo.InvariantCulture));
        return new HostString(text, user, Host, port);
    }

    /// <summary>
    /// True when an exclusion written as <paramref name="exclusion"/> covers this host: the host parts are
    /// equal (case-insensitive) and so is every part the exclusion names (user, port).
    /// Excluding <c>web1</c> excludes <c>deploy@web1:2222</c>; excluding <c>root@web1</c> does not exclude <c>deploy@web1</c>.
    /// </summary>
    public bool IsCoveredBy(HostString exclusion)
    {
        ArgumentNullException.ThrowIfNull(exclusion);
        return SameHost(Host, exclusion.Host)
            && (exclusion.User is null || string.Equals(User, exclusion.User, StringComparison.Ordinal))
            && (exclusion.Port is null || Port == exclusion.Port);
    }

    /// <summary>Host names compare case-insensitively; addresses by value, so <c>::1</c> equals <c>0:0:0:0:0:0:0:1</c>.</summary>
    private static bool SameHost(string a, string b) =>
        string.Equals(a, b, StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(a, out var left) && IPAddress.TryParse(b, out var right) && left.Equals(right));

    /// <summary>Splits what follows the user into host and port text (null when no port is written).</summary>
    private static (string Host, string? Port) SplitHostAndPort(string original, string? source, string rest)
    {
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw Invalid(original, source, "the '[' is never closed by ']'");
            }

            var host = rest[1..close];
            var after = rest[(close + 1)..];
            if (after.Length == 0)
            {
                return (host, null);
            }

            return after[0] == ':'
                ? (host, after[1..])
                : throw Invalid(original, source, "only ':port' may follow ']'");
        }

        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || rest.IndexOf(':', colon + 1) >= 0)
        {
            // No colon: a plain name. Several colons and no brackets: a bare IPv6 address, no port.
            return (rest, null);
        }

        return (rest[..colon], rest[(colon + 1)..]);
    }

    private static int ParsePort(string original, string? source, string text)
    {
        if (text.Length == 0)
        {
            throw Invalid(original, source, "the port after ':' is missing");
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw Invalid(original, source, "the port must be a number from 1 to 65535");
        }

        return port;
    }

    private static FabricUsageException Invalid(string text, string? source, string reason) =>
        new(source is null ? $"Invalid host string '{text}': {reason}." : $"Invalid host string '{text}' in {source}: {reason}.");
}
