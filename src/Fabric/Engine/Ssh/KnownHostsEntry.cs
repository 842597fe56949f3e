using System.Security.Cryptography;
using System.Text;

namespace Fabric.Engine.Ssh;

/// <summary>
/// One line of a known_hosts file: an optional marker (<c>@revoked</c>, <c>@cert-authority</c>), the host
/// patterns (a comma list with <c>*</c>/<c>?</c> wildcards and <c>!</c> negation, or one hashed
/// <c>|1|salt|hash</c> name), the key type and the key blob.
/// </summary>
internal sealed record KnownHostsEntry(string? Marker, string Hosts, string KeyType, byte[] KeyBlob, int LineNumber)
{
    public bool IsRevoked => Marker == "@revoked";

    public bool IsCertAuthority => Marker == "@cert-authority";

    /// <summary>
    /// True when this entry names <paramref name="name"/> (<c>host</c> for port 22, else <c>[host]:port</c>):
    /// a hashed name whose HMAC-SHA1 matches, or a list where some pattern matches and no negated one does.
    /// </summary>
    public bool Matches(string name)
    {
        if (Hosts.StartsWith("|1|", StringComparison.Ordinal))
        {
            var parts = Hosts.Split('|');
            if (parts.Length != 4)
            {
                return false;
            }

            try
            {
                var salt = Convert.FromBase64String(parts[2]);
                var hash = Convert.FromBase64String(parts[3]);
#pragma warning disable CA5350 // OpenSSH's hashed known_hosts format is defined as HMAC-SHA1; we only read it.
                return CryptographicOperations.FixedTimeEquals(HMACSHA1.HashData(salt, Encoding.UTF8.GetBytes(name)), hash);
#pragma warning restore CA5350
            }
            catch (FormatException)
            {
                return false;
            }
        }

        return SshHostPattern.MatchesList(Hosts.Split(','), name);
    }
}
