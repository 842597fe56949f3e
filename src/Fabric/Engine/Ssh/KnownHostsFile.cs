using System.Buffers.Binary;
using System.Text;

namespace Fabric.Engine.Ssh;

/// <summary>
/// The parsed content of a known_hosts file and the host-key check against it. Pure: reading and
/// appending the file is <see cref="HostKeyVerifier"/>'s job.
/// </summary>
internal sealed class KnownHostsFile
{
    private readonly List<KnownHostsEntry> _entries;

    private KnownHostsFile(List<KnownHostsEntry> entries) => _entries = entries;

    public IReadOnlyList<KnownHostsEntry> Entries => _entries;

    /// <summary>
    /// Parses known_hosts lines. Blank lines and <c>#</c> comments are skipped; a malformed line adds a
    /// message to <paramref name="warnings"/> and is skipped.
    /// </summary>
    public static KnownHostsFile Parse(IEnumerable<string> lines, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(warnings);
        var entries = new List<KnownHostsEntry>();
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            string? marker = null;
            if (fields[0].StartsWith('@'))
            {
                marker = fields[0];
                fields = fields[1..];
            }

            if (fields.Length < 3 || (marker is not null && marker != "@revoked" && marker != "@cert-authority"))
            {
                warnings.Add($"line {number} is malformed and was skipped");
                continue;
            }

            byte[] blob;
            try
            {
                blob = Convert.FromBase64String(fields[2]);
            }
            catch (FormatException)
            {
                warnings.Add($"line {number} has a key that is not base64 and was skipped");
                continue;
            }

            if (KeyTypeOf(blob) != fields[1])
            {
                warnings.Add($"line {number} has a key that does not match its type '{fields[1]}' and was skipped");
                continue;
            }

            entries.Add(new KnownHostsEntry(marker, fields[0], fields[1], blob, number));
        }

        return new KnownHostsFile(entries);
    }

    /// <summary>How known_hosts names a host: <c>host</c> on port 22, else <c>[host]:port</c>.</summary>
    public static string NameOf(string host, int port) => port == 22 ? host : $"[{host}]:{port}";

    /// <summary>The line to append for a newly accepted key.</summary>
    public static string FormatEntry(string host, int port, byte[] keyBlob) =>
        $"{NameOf(host, port)} {KeyTypeOf(keyBlob)} {Convert.ToBase64String(keyBlob)}";

    /// <summary>The key type an SSH public key blob starts with (<c>ssh-ed25519</c>, <c>ssh-rsa</c>, …), or null when it is not a key blob.</summary>
    public static string? KeyTypeOf(byte[] keyBlob)
    {
        ArgumentNullException.ThrowIfNull(keyBlob);
        if (keyBlob.Length < 4)
        {
            return null;
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(keyBlob);
        return length == 0 || length > keyBlob.Length - 4 ? null : Encoding.ASCII.GetString(keyBlob, 4, (int)length);
    }

    /// <summary>
    /// The key types (<c>ssh-ed25519</c>, <c>ssh-rsa</c>, …) of the plain entries for <paramref name="host"/>:<paramref name="port"/>,
    /// hashed or by pattern: what <see cref="Transport.SshNet.HostKeyOrder"/> asks the server for first. Marked entries (<c>@revoked</c>,
    /// <c>@cert-authority</c>) are not counted, as in OpenSSH.
    /// </summary>
    public IReadOnlySet<string> KnownKeyTypes(string host, int port)
    {
        var name = NameOf(host, port);
        return _entries.Where(e => e.Marker is null && e.Matches(name)).Select(e => e.KeyType).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Checks the key <paramref name="keyBlob"/> that <paramref name="host"/>:<paramref name="port"/> presented.</summary>
    public HostKeyVerdict Check(string host, int port, byte[] keyBlob)
    {
        var name = NameOf(host, port);
        var type = KeyTypeOf(keyBlob);
        var sameTypeDiffers = false;
        foreach (var entry in _entries)
        {
            if (entry.IsRevoked && entry.Matches(name) && entry.KeyBlob.AsSpan().SequenceEqual(keyBlob))
            {
                return HostKeyVerdict.Revoked;
            }
        }

        foreach (var entry in _entries)
        {
            if (entry.Marker is not null || !entry.Matches(name))
            {
                continue;
            }

            if (entry.KeyBlob.AsSpan().SequenceEqual(keyBlob))
            {
                return HostKeyVerdict.Known;
            }

            sameTypeDiffers |= entry.KeyType == type;
        }

        return sameTypeDiffers ? HostKeyVerdict.Changed : HostKeyVerdict.Unknown;
    }
}
