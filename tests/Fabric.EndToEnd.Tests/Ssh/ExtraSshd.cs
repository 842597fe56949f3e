using System.Net;
using System.Net.Sockets;

namespace Fabric.EndToEnd.Tests.Ssh;

/// <summary>
/// A second <c>sshd</c> for the jump-host tests, on other loopback addresses and its own port, with the fixture's host
/// and client keys and <c>LogLevel DEBUG1</c> (which logs each <c>direct-tcpip</c> channel it opens as a gateway).
/// </summary>
internal sealed class ExtraSshd : IDisposable
{
    private readonly int _pid;

    public ExtraSshd(SshdFixture sshd, params string[] addresses)
    {
        Name = "extra-" + Guid.NewGuid().ToString("N")[..8];
        using (var probe = new TcpListener(IPAddress.Parse(addresses[0]), 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        LogFile = sshd.Path(Name + ".log");
        var config = sshd.Path(Name + "_config");
        var listen = string.Concat(addresses.Select(a => $"ListenAddress {a}:{Port}\n"));
        File.WriteAllText(config, $"""
            {listen}HostKey {sshd.HostKey}
            PidFile {sshd.Path(Name + ".pid")}
            AuthorizedKeysFile {sshd.Path("authorized_keys")}
            StrictModes no
            PubkeyAuthentication yes
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PermitRootLogin yes
            MaxStartups 50:30:100
            LogLevel DEBUG1
            PrintMotd no

            """);
        SshdFixture.Exec("/usr/sbin/sshd", "-f", config, "-E", LogFile);
        var pidFile = sshd.Path(Name + ".pid");
        for (var i = 0; i < 200 && !(File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out _pid)); i++)
        {
            Thread.Sleep(25);
        }

        foreach (var address in addresses)
        {
            for (var i = 0; ; i++)
            {
                try
                {
                    using var client = new TcpClient();
                    client.Connect(IPAddress.Parse(address), Port);
                    break;
                }
                catch (SocketException) when (i < 200)
                {
                    Thread.Sleep(25);
                }
            }
        }

        // The probes are logged by sshd's children, a moment later: wait for them, so tests can count from here.
        for (var i = 0; i < 200 && addresses.Any(a => ConnectionsTo(a) == 0); i++)
        {
            Thread.Sleep(25);
        }
    }

    public string Name { get; }

    public int Port { get; }

    public string LogFile { get; }

    public string[] LogLines()
    {
        using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n');
    }

    /// <summary>How many connections this server accepted on <paramref name="address"/>.</summary>
    public int ConnectionsTo(string address) => LogLines().Count(l => l.Contains("Connection from", StringComparison.Ordinal) && l.Contains($" on {address} port {Port}", StringComparison.Ordinal));

    public void Dispose() => SshdFixture.Exec("kill", _pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
