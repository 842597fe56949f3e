using Renci.SshNet;

namespace Fabric.Engine.Transport.SshNet;

/// <summary>
/// The host key algorithms offered to a server, in order, as OpenSSH's client orders them. The server picks the first one
/// in this list that it has a key for, and that key is what known_hosts is checked against: so a host whose known_hosts
/// entry is only its RSA key must be asked for RSA, or it answers with its Ed25519 key, which known_hosts does not hold
/// (refused under <c>StrictHostKeyChecking yes</c>, else added as a second key with a warning).
/// <list type="bullet">
/// <item>The default is OpenSSH's own order: Ed25519, ECDSA (P-256, P-384, P-521), <c>rsa-sha2-512</c>,
/// <c>rsa-sha2-256</c>; then <c>ssh-rsa</c> (RSA signed with SHA-1), which OpenSSH stopped offering in 8.8 but is kept
/// last here so a server too old for <c>rsa-sha2</c> (OpenSSH before 7.2) still connects: <c>-ssh-rsa</c> removes it.
/// Host certificates (<c>*-cert-v01@openssh.com</c>) are not offered: known_hosts' <c>@cert-authority</c> lines are
/// not checked, so a certificate could only ever be an unknown key. <c>+</c> adds them back.</item>
/// <item>OpenSSH's "prefer known types" rule: unless the first algorithm's key type is already known for the host, the
/// algorithms whose key type known_hosts holds for it move to the front, the others keep their order behind. An RSA entry
/// (<c>ssh-rsa</c>) covers <c>rsa-sha2-512</c> and <c>rsa-sha2-256</c>; an ECDSA entry covers its own curve only.</item>
/// <item><c>HostKeyAlgorithms</c> in OpenSSH's syntax (<see cref="AlgorithmList"/>) changes the list; as in OpenSSH,
/// known types still go first after <c>+</c> or <c>-</c>, and a plain list or <c>^</c> is offered exactly as written.</item>
/// </list>
/// </summary>
internal static class HostKeyOrder
{
    private const string CertificateSuffix = "-cert-v01@openssh.com";

    public static IReadOnlyList<string> Preferred { get; } =
    [
        "ssh-ed25519",
        "ecdsa-sha2-nistp256",
        "ecdsa-sha2-nistp384",
        "ecdsa-sha2-nistp521",
        "rsa-sha2-512",
        "rsa-sha2-256",
        "ssh-rsa",
    ];

    /// <summary>The names to offer, in order, out of <paramref name="available"/> (SSH.NET's).</summary>
    /// <param name="available">The algorithms this client supports.</param>
    /// <param name="spec"><c>HostKeyAlgorithms</c> in OpenSSH's syntax; null: the default.</param>
    /// <param name="knownKeyTypes">The key types known_hosts holds for the host (<c>ssh-rsa</c>, <c>ssh-ed25519</c>, …).</param>
    /// <exception cref="AbortException"><paramref name="spec"/> leaves no algorithm this client supports.</exception>
    public static IReadOnlyList<string> Order(IReadOnlyList<string> available, string? spec, IReadOnlyCollection<string> knownKeyTypes)
    {
        ArgumentNullException.ThrowIfNull(available);
        ArgumentNullException.ThrowIfNull(knownKeyTypes);
        var defaults = Preferred.Where(available.Contains).ToList();
        var list = string.IsNullOrWhiteSpace(spec) ? defaults : AlgorithmList.Apply(defaults, available, spec);
        if (list.Count == 0)
        {
            throw new AbortException($"HostKeyAlgorithms '{spec?.Trim()}' leaves no host key algorithm this client supports ({string.Join(", ", available)}).");
        }

        if (!AlgorithmList.KeepsDefaultOrder(spec) || knownKeyTypes.Count == 0 || knownKeyTypes.Contains(KeyTypeOf(list[0])))
        {
            return list;
        }

        return [.. list.Where(a => knownKeyTypes.Contains(KeyTypeOf(a))), .. list.Where(a => !knownKeyTypes.Contains(KeyTypeOf(a)))];
    }

    /// <summary>
    /// The type of key (as known_hosts and key blobs name it) that algorithm <paramref name="algorithm"/> signs with:
    /// <c>rsa-sha2-512</c> and <c>rsa-sha2-256</c> are <c>ssh-rsa</c> keys, a certificate is its plain key's type.
    /// </summary>
    public static string KeyTypeOf(string algorithm)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        var plain = algorithm.EndsWith(CertificateSuffix, StringComparison.Ordinal) ? algorithm[..^CertificateSuffix.Length] : algorithm;
        return plain is "rsa-sha2-512" or "rsa-sha2-256" ? "ssh-rsa" : plain;
    }

    /// <summary>Reorders <paramref name="info"/>'s host key algorithms as <see cref="Order"/> says.</summary>
    public static void Apply(ConnectionInfo info, string? spec, IReadOnlyCollection<string> knownKeyTypes)
    {
        ArgumentNullException.ThrowIfNull(info);
        var all = info.HostKeyAlgorithms.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var order = Order([.. all.Keys], spec, knownKeyTypes);
        info.HostKeyAlgorithms.Clear();
        foreach (var name in order)
        {
            info.HostKeyAlgorithms.Add(name, all[name]);
        }
    }
}
