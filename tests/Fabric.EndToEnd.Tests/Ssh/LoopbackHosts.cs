using System.Globalization;
using System.Net;

namespace Fabric.EndToEnd.Tests.Ssh;

/// <summary>
/// Many test hosts for fan-out tests: 127.0.0.2 … 127.0.0.249, then 127.0.1.2 … (<see cref="Address"/>), on one port
/// of their own, served by as many private
/// <c>sshd</c> processes as needed (OpenSSH listens on at most 16 addresses per process), each with its own config,
/// pid file and log (<c>LogLevel VERBOSE</c>, which logs each connection and each drop past <c>MaxStartups</c>).
/// Logins are by a client key made here; a known_hosts file lists every host. Loopback only. Stops its sshds on dispose.
/// </summary>
internal sealed class LoopbackHosts : IDisposable
{
    private const int AddressesPerSshd = 16;
    private const int AddressesPerBlock = 248;
    private readonly List<int> _pids = [];

    /// <param name="count">How many hosts (at most 1,000).</param>
    /// <param name="maxStartups">Each sshd's <c>MaxStartups</c> (<c>start:rate:full</c>).</param>
    public LoopbackHosts(int count, string maxStartups)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 1000);
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "fabric-hosts-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(Directory);
        SshdFixture.Exec("chmod", "755", Directory);
        var hostKey = Keygen("host_ed25519");
        ClientKey = Keygen("client_ed25519");
        var authorized = Path("authorized_keys");
        File.Copy(ClientKey + ".pub", authorized);
        SshdFixture.Exec("chmod", "644", authorized);

        Port = SshdProcess.FreePort(Address(0));

        Hosts = [.. Enumerable.Range(0, count).Select(i => $"{Address(i)}:{Port}")];
        var publicKey = string.Join(' ', File.ReadAllText(hostKey + ".pub").Split(' ')[..2]).Trim();
        KnownHostsFile = Path("known_hosts");
        File.WriteAllLines(KnownHostsFile, Enumerable.Range(0, count).Select(i => $"[{Address(i)}]:{Port} {publicKey}"));

        System.IO.Directory.CreateDirectory("/run/sshd");
        for (var first = 0; first < count; first += AddressesPerSshd)
        {
            var name = "sshd" + (first / AddressesPerSshd).ToString(CultureInfo.InvariantCulture);
            var listen = string.Concat(Enumerable.Range(first, Math.Min(AddressesPerSshd, count - first)).Select(i => $"ListenAddress {Address(i)}:{Port}\n"));
            var config = Path(name + ".conf");
            File.WriteAllText(config, $"""
                {listen}HostKey {hostKey}
                PidFile {Path(name + ".pid")}
                AuthorizedKeysFile {authorized}
                StrictModes no
                PermitRootLogin no
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                MaxStartups {maxStartups}
                LogLevel VERBOSE
                PrintMotd no

                """);
            SshdFixture.Exec("/usr/sbin/sshd", "-f", config, "-E", Path(name + ".log"));
            _pids.Add(SshdProcess.WaitForPid(Path(name + ".pid")));
        }

        for (var i = 0; i < count; i += AddressesPerSshd)
        {
            WaitUntilListening(Address(i));
        }
    }

    public string Directory { get; }

    public int Port { get; }

    /// <summary>The hosts, written <c>127.0.X.N:port</c>.</summary>
    public IReadOnlyList<string> Hosts { get; }

    public string ClientKey { get; }

    public string KnownHostsFile { get; }

    /// <summary>
    /// The address of host <paramref name="index"/> (0-based): 248 to a block of 127.0.X (from 127.0.X.2), as
    /// bench/lib/testhosts.sh numbers them.
    /// </summary>
    public static string Address(int index) => $"127.0.{index / AddressesPerBlock}.{2 + (index % AddressesPerBlock)}";

    public string Path(string name) => System.IO.Path.Combine(Directory, name);

    /// <summary>The lines of every sshd's log.</summary>
    public IReadOnlyList<string> LogLines() =>
        [.. System.IO.Directory.GetFiles(Directory, "sshd*.log").SelectMany(SshdProcess.LogLines)];

    /// <summary>How many connections the sshds dropped past their <c>MaxStartups</c>.</summary>
    public int Drops() => LogLines().Count(l => l.Contains("past MaxStartups", StringComparison.Ordinal));

    /// <summary>How many public-key logins the sshds accepted.</summary>
    public int Logins() => LogLines().Count(l => l.Contains("Accepted publickey", StringComparison.Ordinal));

    public void Dispose()
    {
        foreach (var pid in _pids)
        {
            try
            {
                SshdFixture.Exec("kill", pid.ToString(CultureInfo.InvariantCulture));
            }
            catch (InvalidOperationException)
            {
            }
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private string Keygen(string name)
    {
        var file = Path(name);
        SshdFixture.Exec("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "fabric-tests", "-f", file);
        return file;
    }

    private void WaitUntilListening(string address)
    {
        // Probing with connect() would use up a MaxStartups slot and log a connection; /proc/net/tcp shows listeners.
        var hex = string.Concat(IPAddress.Parse(address).GetAddressBytes().Reverse().Select(b => b.ToString("X2", CultureInfo.InvariantCulture)))
            + ":" + Port.ToString("X4", CultureInfo.InvariantCulture);
        for (var i = 0; i < 200; i++)
        {
            if (File.ReadLines("/proc/net/tcp").Any(l => l.Contains(hex + " 00000000:0000 0A", StringComparison.Ordinal)))
            {
                return;
            }

            Thread.Sleep(25);
        }

        throw new InvalidOperationException($"sshd does not listen on {address}:{Port}.");
    }
}
