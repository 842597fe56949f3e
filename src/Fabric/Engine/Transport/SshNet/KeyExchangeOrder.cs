using Renci.SshNet;

namespace Fabric.Engine.Transport.SshNet;

/// <summary>
/// The key exchange algorithms offered to a server, in order. Measured against OpenSSH 9.2 on loopback, SSH.NET's
/// <c>sntrup761x25519</c> (OpenSSH 9.x's first choice) costs the client about 50–70 ms of CPU per connection, and
/// <c>curve25519-sha256</c> well under 10 ms; <c>mlkem768x25519-sha256</c> (OpenSSH 9.9+'s first choice) is post-quantum
/// and nearly as cheap as curve25519. So the default order keeps post-quantum protection where it is cheap: ML-KEM first
/// when the server offers it, then curve25519, then ECDH, then sntrup761, then the rest of SSH.NET's list.
/// A user picks another order with OpenSSH's <c>KexAlgorithms</c> syntax (<see cref="Ssh.SshOptions.KexAlgorithms"/>):
/// <c>a,b</c> exactly these, <c>+a,b</c> appended, <c>-a,b</c> removed, <c>^a,b</c> placed first. For example
/// <c>^sntrup761x25519-sha512@openssh.com</c> prefers sntrup761 on servers without ML-KEM.
/// </summary>
internal static class KeyExchangeOrder
{
    public static IReadOnlyList<string> Preferred { get; } =
    [
        "mlkem768x25519-sha256",
        "curve25519-sha256",
        "curve25519-sha256@libssh.org",
        "ecdh-sha2-nistp256",
        "ecdh-sha2-nistp384",
        "ecdh-sha2-nistp521",
        "sntrup761x25519-sha512",
        "sntrup761x25519-sha512@openssh.com",
    ];

    /// <summary>The names to offer, in order, out of <paramref name="available"/> (SSH.NET's, in its order), under <paramref name="spec"/>.</summary>
    /// <exception cref="AbortException"><paramref name="spec"/> leaves no algorithm SSH.NET knows.</exception>
    public static IReadOnlyList<string> Order(IReadOnlyList<string> available, string? spec)
    {
        ArgumentNullException.ThrowIfNull(available);
        var defaults = Preferred.Where(available.Contains).Concat(available.Where(a => !Preferred.Contains(a))).ToList();
        if (string.IsNullOrWhiteSpace(spec))
        {
            return defaults;
        }

        var order = AlgorithmList.Apply(defaults, available, spec);
        return order.Count > 0
            ? order
            : throw new AbortException($"KexAlgorithms '{spec.Trim()}' leaves no key exchange algorithm this client supports ({string.Join(", ", defaults)}).");
    }

    /// <summary>Why <paramref name="spec"/> cannot be used (it leaves no algorithm this client supports), or null: checked before anything runs.</summary>
    public static string? Problem(string spec)
    {
        var available = new ConnectionInfo("localhost", 22, "user", new NoneAuthenticationMethod("user")).KeyExchangeAlgorithms.Keys.ToList();
        try
        {
            Order(available, spec);
            return null;
        }
        catch (AbortException e)
        {
            return e.Message;
        }
    }

    /// <summary>Reorders <paramref name="info"/>'s key exchange algorithms as <see cref="Order"/> says.</summary>
    public static void Apply(ConnectionInfo info, string? spec)
    {
        ArgumentNullException.ThrowIfNull(info);
        var all = info.KeyExchangeAlgorithms.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var order = Order([.. all.Keys], spec);
        info.KeyExchangeAlgorithms.Clear();
        foreach (var name in order)
        {
            info.KeyExchangeAlgorithms.Add(name, all[name]);
        }
    }
}
