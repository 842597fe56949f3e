using System.Globalization;
using Fabric.EndToEnd.Tests.Ssh;

namespace Fabric.EndToEnd.Tests.Hosts;

/// <summary>
/// An OpenSSH <c>sshd</c> of a real-host fixture: its own config, ed25519 host key, client key and authorized_keys
/// file in the fixture's folder (<c>StrictModes no</c>, so no account's home is touched), listening on the given
/// loopback addresses at one port of its own, <c>LogLevel VERBOSE</c> to a log file. <c>UsePAM yes</c> as Debian
/// ships it, which also lets key logins into accounts without a password (the nologin and /bin/false ones).
/// </summary>
internal sealed class PrivateSshd : IDisposable
{
    private readonly string _logFile;

    /// <param name="folder">The fixture's folder.</param>
    /// <param name="addresses">The loopback addresses it listens on.</param>
    /// <param name="lastConfig">Config lines after the common ones (<c>Match</c> blocks go here).</param>
    /// <param name="launcher">A command line that ends by running the sshd command line it is given (e.g. in a namespace).</param>
    public PrivateSshd(FixtureFolder folder, IReadOnlyList<string> addresses, string lastConfig = "", IReadOnlyList<string>? launcher = null)
    {
        var hostKey = folder.Ed25519Key("host_ed25519");
        ClientKey = folder.Ed25519Key("client_ed25519");
        var authorized = folder.Path("authorized_keys");
        File.Copy(ClientKey + ".pub", authorized);
        SshdFixture.Exec("chmod", "644", authorized);

        Port = SshdProcess.FreePort(addresses[0]);
        _logFile = folder.Path("sshd.log");
        var config = folder.Path("sshd_config");
        var listen = string.Concat(addresses.Select(a => $"ListenAddress {a}:{Port.ToString(CultureInfo.InvariantCulture)}\n"));
        File.WriteAllText(config, $"""
            {listen}HostKey {hostKey}
            PidFile {folder.Path("sshd.pid")}
            AuthorizedKeysFile {authorized}
            StrictModes no
            UsePAM yes
            PermitRootLogin no
            PasswordAuthentication yes
            KbdInteractiveAuthentication no
            LogLevel VERBOSE
            PrintMotd no
            {lastConfig}
            """);
        Directory.CreateDirectory("/run/sshd");
        string[] command = [.. launcher ?? [], "/usr/sbin/sshd", "-f", config, "-E", _logFile];
        SshdFixture.Exec(command[0], command[1..]);
        Pid = SshdProcess.WaitForPid(folder.Path("sshd.pid"));
        foreach (var address in addresses)
        {
            SshdProcess.WaitUntilAccepting(address, Port);
        }

        KnownHostsFile = folder.KnownHosts(FixtureFolder.KeyOf(File.ReadAllText(hostKey + ".pub")), Port, [.. addresses]);
    }

    public int Port { get; }

    public int Pid { get; }

    public string ClientKey { get; }

    public string KnownHostsFile { get; }

    /// <summary>The host for <paramref name="user"/> at <paramref name="address"/> (one of this sshd's).</summary>
    public RealHost Host(string user, string address, string? password) => new(user, address, Port, ClientKey, KnownHostsFile, password);

    /// <summary>sshd's log (connections, logins, refused channels).</summary>
    public string Log() => string.Join('\n', SshdProcess.LogLines(_logFile));

    public void Dispose()
    {
        try
        {
            SshdFixture.Exec("kill", Pid.ToString(CultureInfo.InvariantCulture));
        }
        catch (InvalidOperationException)
        {
            // It had exited already.
        }
    }
}
