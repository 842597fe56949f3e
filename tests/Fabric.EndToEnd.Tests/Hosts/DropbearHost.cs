using System.Globalization;
using Fabric.EndToEnd.Tests.Ssh;

namespace Fabric.EndToEnd.Tests.Hosts;

/// <summary>
/// Dropbear (Debian's <c>dropbear-bin</c>), as on routers and small images: <c>dropbear -F -E</c> on a loopback address
/// and a port of its own, an ed25519 host key made by <c>dropbearkey</c>, and an account (bash, a password, sudo with that
/// password) whose own <c>~/.ssh/authorized_keys</c> holds the client key while this lives. Dropbear has no SFTP of its
/// own: for the <c>sftp</c> subsystem it runs the compiled-in <c>/usr/lib/sftp-server</c> (OpenSSH's, from
/// <c>openssh-sftp-server</c>) when that exists. <see cref="WithoutSftpServer"/> hides it in a mount namespace of the
/// server's own, as on a router with no SFTP server installed.
/// </summary>
public sealed class DropbearHost : IDisposable
{
    public const string User = "fabdropbear";
    public const string Address = "127.0.0.230";

    /// <summary>The account of the Dropbear without an SFTP server.</summary>
    public const string NoSftpUser = "fabdbnosftp";

    /// <summary>The address of the Dropbear without an SFTP server.</summary>
    public const string NoSftpAddress = "127.0.0.236";

    /// <summary>The path Debian's Dropbear runs for the <c>sftp</c> subsystem (compiled in).</summary>
    public const string SftpServerPath = "/usr/lib/sftp-server";

    private readonly FixtureFolder _folder;
    private readonly AuthorizedKey _authorized;
    private readonly ForegroundServer _server;

    /// <summary>Dropbear on 127.0.0.230 for <c>fabdropbear</c>, with the SFTP server.</summary>
    public DropbearHost()
        : this(User, Address, sftpServer: true)
    {
    }

    private DropbearHost(string user, string address, bool sftpServer)
    {
        if (sftpServer && !File.Exists(SftpServerPath))
        {
            throw new InvalidOperationException($"{SftpServerPath} is missing: install openssh-sftp-server (test.sh does) for Dropbear's SFTP.");
        }

        _folder = new FixtureFolder(sftpServer ? "dropbear" : "dropbear-nosftp");
        TestAccounts.Ensure(user, "/bin/bash", withPassword: true);
        TestAccounts.EnsureSudoers(sftpServer ? "fabric-tests-dropbear" : "fabric-tests-dropbear-nosftp", $"{user} ALL=(ALL:ALL) ALL");
        var clientKey = _folder.Ed25519Key("client_ed25519");
        _authorized = new AuthorizedKey(user, clientKey + ".pub");

        var hostKey = _folder.Path("dropbear_ed25519_host_key");
        SshdFixture.Exec("dropbearkey", "-t", "ed25519", "-f", hostKey);
        var publicKey = SshdFixture.Exec("dropbearkey", "-y", "-f", hostKey).Split('\n').Single(l => l.StartsWith("ssh-ed25519 ", StringComparison.Ordinal));

        var port = SshdProcess.FreePort(address);
        string[] dropbear = ["/usr/sbin/dropbear", "-F", "-E", "-w", "-p", $"{address}:{port.ToString(CultureInfo.InvariantCulture)}", "-r", hostKey, "-P", _folder.Path("dropbear.pid")];
        var scratch = Directory.CreateDirectory(_folder.Path("overlay")).FullName;
        string[] command = sftpServer ? dropbear : [.. MountNamespace.Hiding(scratch, "/usr/lib", Path.GetFileName(SftpServerPath)), .. dropbear];
        _server = new ForegroundServer(command[0], command[1..]);
        SshdProcess.WaitUntilAccepting(address, port);
        if (!sftpServer && File.Exists($"/proc/{_server.Pid}/root{SftpServerPath}"))
        {
            Dispose();
            throw new InvalidOperationException($"The Dropbear without SFTP still sees {SftpServerPath}: the overlay did not hide it.");
        }

        Host = new RealHost(user, address, port, clientKey, _folder.KnownHosts(FixtureFolder.KeyOf(publicKey), port, address), TestAccounts.Password);
    }

    /// <summary>Dropbear on 127.0.0.236 for <c>fabdbnosftp</c>, where <see cref="SftpServerPath"/> does not exist.</summary>
    public static DropbearHost WithoutSftpServer() => new(NoSftpUser, NoSftpAddress, sftpServer: false);

    public RealHost Host { get; }

    /// <summary>The pid of the listening Dropbear; each connection is a child process of it.</summary>
    public int Pid => _server.Pid;

    /// <summary>Dropbear's log (connections, logins, exits).</summary>
    public string Log() => _server.Log();

    public void Dispose()
    {
        _server.Dispose();
        _authorized.Dispose();
        _folder.Dispose();
    }
}
