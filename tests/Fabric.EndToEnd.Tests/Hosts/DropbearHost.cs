using System.Globalization;
using Fabric.EndToEnd.Tests.Ssh;

namespace Fabric.EndToEnd.Tests.Hosts;

/// <summary>
/// Dropbear (Debian's <c>dropbear-bin</c>), as on routers and small images: <c>dropbear -F -E</c> on 127.0.0.230 and
/// a port of its own, an ed25519 host key made by <c>dropbearkey</c>, and the account <c>fabdropbear</c> (bash, a
/// password, sudo with that password) whose own <c>~/.ssh/authorized_keys</c> holds the client key while this lives.
/// </summary>
public sealed class DropbearHost : IDisposable
{
    public const string User = "fabdropbear";
    public const string Address = "127.0.0.230";
    private readonly FixtureFolder _folder = new("dropbear");
    private readonly AuthorizedKey _authorized;
    private readonly ForegroundServer _server;

    public DropbearHost()
    {
        TestAccounts.Ensure(User, "/bin/bash", withPassword: true);
        TestAccounts.EnsureSudoers("fabric-tests-dropbear", $"{User} ALL=(ALL:ALL) ALL");
        var clientKey = _folder.Ed25519Key("client_ed25519");
        _authorized = new AuthorizedKey(User, clientKey + ".pub");

        var hostKey = _folder.Path("dropbear_ed25519_host_key");
        SshdFixture.Exec("dropbearkey", "-t", "ed25519", "-f", hostKey);
        var publicKey = SshdFixture.Exec("dropbearkey", "-y", "-f", hostKey).Split('\n').Single(l => l.StartsWith("ssh-ed25519 ", StringComparison.Ordinal));

        var port = SshdProcess.FreePort(Address);
        _server = new ForegroundServer("/usr/sbin/dropbear", "-F", "-E", "-p", $"{Address}:{port.ToString(CultureInfo.InvariantCulture)}", "-r", hostKey, "-P", _folder.Path("dropbear.pid"));
        SshdProcess.WaitUntilAccepting(Address, port);
        Host = new RealHost(User, Address, port, clientKey, _folder.KnownHosts(FixtureFolder.KeyOf(publicKey), port, Address), TestAccounts.Password);
    }

    public RealHost Host { get; }

    /// <summary>Dropbear's log (connections, logins, exits).</summary>
    public string Log() => _server.Log();

    public void Dispose()
    {
        _server.Dispose();
        _authorized.Dispose();
        _folder.Dispose();
    }
}
