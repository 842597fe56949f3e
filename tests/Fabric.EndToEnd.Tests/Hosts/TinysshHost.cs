using System.Globalization;
using Fabric.EndToEnd.Tests.Ssh;

namespace Fabric.EndToEnd.Tests.Hosts;

/// <summary>
/// tinysshd (Debian's <c>tinysshd</c>) under <c>tcpserver</c> (<c>ucspi-tcp</c>), as its package runs it from inetd
/// or a socket unit: on 127.0.0.231 and a port of its own, keys made by <c>tinysshd-makekey</c>. It takes only ed25519
/// keys, no passwords, and one session per connection. The account <c>fabtinyssh</c> (bash, a password for sudo only)
/// has the client key in its own <c>~/.ssh/authorized_keys</c> while this lives.
/// </summary>
public sealed class TinysshHost : IDisposable
{
    public const string User = "fabtinyssh";
    public const string Address = "127.0.0.231";
    private readonly FixtureFolder _folder = new("tinysshd");
    private readonly AuthorizedKey _authorized;
    private readonly ForegroundServer _server;

    public TinysshHost()
    {
        TestAccounts.Ensure(User, "/bin/bash", withPassword: true);
        TestAccounts.EnsureSudoers("fabric-tests-tinysshd", $"{User} ALL=(ALL:ALL) ALL");
        var clientKey = _folder.Ed25519Key("client_ed25519");
        _authorized = new AuthorizedKey(User, clientKey + ".pub");

        var keys = _folder.Path("sshkeydir");
        SshdFixture.Exec("tinysshd-makekey", "-q", keys);
        var publicKey = SshdFixture.Exec("tinysshd-printkey", keys);

        var port = SshdProcess.FreePort(Address);
        // -H -R -l0: no DNS or ident lookups per connection; tinysshd -v logs each connection and login to stderr.
        _server = new ForegroundServer("tcpserver", "-HRDl0", Address, port.ToString(CultureInfo.InvariantCulture), "/usr/sbin/tinysshd", "-v", keys);
        SshdProcess.WaitUntilAccepting(Address, port);
        Host = new RealHost(User, Address, port, clientKey, _folder.KnownHosts(FixtureFolder.KeyOf(publicKey), port, Address), TestAccounts.Password);
    }

    public RealHost Host { get; }

    /// <summary>tinysshd's log (one <c>connection from</c> and one <c>finished</c> per connection).</summary>
    public string Log() => _server.Log();

    public void Dispose()
    {
        _server.Dispose();
        _authorized.Dispose();
        _folder.Dispose();
    }
}
