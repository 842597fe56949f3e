using Renci.SshNet;

namespace Fabric.Engine.Transport.SshNet;

/// <summary>
/// The ciphers offered to a server: AES-GCM first. SSH.NET lists <c>aes128-ctr</c> first, which then needs
/// <c>hmac-sha2-256</c> on every packet; its AES-GCM runs on the hardware's AES instructions and needs no MAC.
/// Measured over SFTP on loopback (200 MB): aes128-gcm 190–250 MB/s, aes128-ctr + hmac-sha2-256 100–220 MB/s,
/// chacha20-poly1305 about 90 MB/s.
/// </summary>
internal static class CipherOrder
{
    private static readonly string[] Preferred = ["aes128-gcm@openssh.com", "aes256-gcm@openssh.com"];

    public static void Apply(ConnectionInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var all = info.Encryptions.ToList();
        info.Encryptions.Clear();
        foreach (var (name, cipher) in all.Where(c => Preferred.Contains(c.Key)).OrderBy(c => Array.IndexOf(Preferred, c.Key)).Concat(all.Where(c => !Preferred.Contains(c.Key))))
        {
            info.Encryptions.Add(name, cipher);
        }
    }
}
