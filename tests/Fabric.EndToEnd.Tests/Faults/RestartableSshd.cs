using Fabric.EndToEnd.Tests.Infrastructure;
using Fabric.EndToEnd.Tests.Ssh;

namespace Fabric.EndToEnd.Tests.Faults;

/// <summary>
/// An <c>sshd</c> of a test's own, on one loopback address and a port of its own (the shared fixture's host and client
/// keys, its config style), that the test can stop (listener and every open connection, as a crash or a full restart
/// does) and start again on the same address and port.
/// </summary>
internal sealed class RestartableSshd : IDisposable
{
    private readonly string _config;
    private readonly string _pidFile;
    private int _pid;

    public RestartableSshd(SshdFixture sshd, string address)
    {
        Address = address;
        var name = "restartable-" + Guid.NewGuid().ToString("N")[..8];
        Port = SshdProcess.FreePort(address);

        LogFile = sshd.Path(name + ".log");
        _config = sshd.Path(name + "_config");
        _pidFile = sshd.Path(name + ".pid");
        File.WriteAllText(_config, $"""
            ListenAddress {address}:{Port}
            HostKey {sshd.HostKey}
            PidFile {_pidFile}
            AuthorizedKeysFile {sshd.Path("authorized_keys")}
            StrictModes no
            PubkeyAuthentication yes
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PermitRootLogin no
            LogLevel VERBOSE
            PrintMotd no

            """);
        Start();
    }

    public string Address { get; }

    public int Port { get; }

    public string LogFile { get; }

    /// <summary>The server's pid file (a command that stops it, as a reboot does, reads it).</summary>
    public string PidFile => _pidFile;

    /// <summary>True while the server's listener runs.</summary>
    public bool IsRunning => Directory.Exists($"/proc/{_pid}");

    /// <summary>Starts the server (again, after <see cref="Stop"/>) and waits until it accepts and its probe is logged.</summary>
    public void Start()
    {
        var probes = ConnectionsTo();
        File.Delete(_pidFile);
        SshdFixture.Exec("/usr/sbin/sshd", "-f", _config, "-E", LogFile);
        _pid = SshdProcess.WaitForPid(_pidFile);
        SshdProcess.WaitUntilAccepting(Address, Port);

        // The probe is logged by sshd's child, a moment later: wait for it, so tests can count from here.
        for (var i = 0; i < 200 && ConnectionsTo() == probes; i++)
        {
            Thread.Sleep(25);
        }
    }

    /// <summary>Stops the server as a crash or a full restart does: its open connections are cut, and nothing listens.</summary>
    public void Stop()
    {
        foreach (var child in ProcessTable.ChildIds(_pid))
        {
            Kill(child);
        }

        Kill(_pid);
        for (var i = 0; i < 200 && Directory.Exists($"/proc/{_pid}"); i++)
        {
            Thread.Sleep(25);
        }
    }

    /// <summary>How many connections this server accepted (over all its starts).</summary>
    public int ConnectionsTo()
    {
        return SshdProcess.LogLines(LogFile).Count(l => l.StartsWith("Connection from ", StringComparison.Ordinal) && l.Contains($" on {Address} port {Port} ", StringComparison.Ordinal));
    }

    /// <summary>Logins the server accepted (a probe that only connects is none), across restarts.</summary>
    public int Logins() => SshdProcess.LogLines(LogFile).Count(l => l.StartsWith("Accepted ", StringComparison.Ordinal) && l.Contains(" for ", StringComparison.Ordinal));

    public void Dispose() => Kill(_pid);

    private static void Kill(int pid)
    {
        try
        {
            SshdFixture.Exec("kill", pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
