using Fabric.EndToEnd.Tests.Ssh;

namespace Fabric.EndToEnd.Tests.Hosts;

/// <summary>A real-host fixture's temp folder (keys, configs, logs), readable by the servers' users, and its keys.</summary>
internal sealed class FixtureFolder : IDisposable
{
    public FixtureFolder(string kind)
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"fabric-{kind}-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(Directory);
        // sshd reads the AuthorizedKeysFile as the user logging in.
        SshdFixture.Exec("chmod", "755", Directory);
    }

    public string Directory { get; }

    public string Path(string name) => System.IO.Path.Combine(Directory, name);

    /// <summary>A new ed25519 key pair (every server here takes it; tinysshd takes nothing else), marked as this test process's.</summary>
    public string Ed25519Key(string name)
    {
        var file = Path(name);
        SshdFixture.Exec("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", AuthorizedKey.Comment, "-f", file);
        return file;
    }

    /// <summary>Writes a known_hosts file naming <paramref name="publicKey"/> (<c>type base64</c>) for each address at <paramref name="port"/>.</summary>
    public string KnownHosts(string publicKey, int port, params string[] addresses)
    {
        var file = Path("known_hosts");
        File.WriteAllLines(file, addresses.Select(a => $"[{a}]:{port} {publicKey}"));
        return file;
    }

    /// <summary>The <c>type base64</c> part of an OpenSSH public key line.</summary>
    public static string KeyOf(string publicKeyLine) => string.Join(' ', publicKeyLine.Trim().Split(' ')[..2]);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
