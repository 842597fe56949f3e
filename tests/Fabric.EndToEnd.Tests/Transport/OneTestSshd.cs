using System.Globalization;
using Fabric.EndToEnd.Tests.Ssh;

namespace Fabric.EndToEnd.Tests.Transport;

/// <summary>
/// An <c>sshd</c> of one test's own on 127.0.0.2 with a config line of its own (<c>MaxSessions 1</c>, …), using the shared
/// fixture's host key and authorized keys; stopped when disposed.
/// </summary>
internal sealed class OneTestSshd : IDisposable
{
    private readonly int _pid;
    private readonly string _directory;

    public OneTestSshd(SshdFixture sshd, string extraConfig)
    {
        _directory = sshd.Path("private-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_directory);
        Port = SshdProcess.FreePort(Address);
        LogFile = Path.Combine(_directory, "sshd.log");
        var config = Path.Combine(_directory, "sshd_config");
        File.WriteAllText(config, $"""
            ListenAddress {Address}:{Port}
            HostKey {sshd.HostKey}
            PidFile {Path.Combine(_directory, "sshd.pid")}
            AuthorizedKeysFile {sshd.Path("authorized_keys")}
            StrictModes no
            UsePAM yes
            PermitRootLogin no
            PubkeyAuthentication yes
            PasswordAuthentication no
            MaxStartups 50:30:100
            LogLevel VERBOSE
            PrintMotd no
            Subsystem sftp internal-sftp
            {extraConfig}

            """);
        SshdFixture.Exec("/usr/sbin/sshd", "-f", config, "-E", LogFile);
        _pid = SshdProcess.WaitForPid(Path.Combine(_directory, "sshd.pid"));
        SshdProcess.WaitUntilAccepting(Address, Port);
    }

    public string Address => SshdFixture.Address(0);

    public int Port { get; }

    public string LogFile { get; }

    /// <summary>
    /// Kills the server's processes for its open connections and everything under them (the listener stays): those
    /// connections break (a monitor process alone would leave its child holding the socket).
    /// </summary>
    public void KillConnections()
    {
        var all = new List<int>();
        var next = Infrastructure.ProcessTable.ChildIds(_pid).ToList();
        while (next.Count > 0)
        {
            all.AddRange(next);
            next = next.SelectMany(Infrastructure.ProcessTable.ChildIds).ToList();
        }

        if (all.Count > 0)
        {
            SshdFixture.Exec("kill", ["-KILL", .. all.Select(p => p.ToString(CultureInfo.InvariantCulture))]);
        }
    }

    public string Log() => string.Join('\n', SshdProcess.LogLines(LogFile));

    public void Dispose()
    {
        try
        {
            SshdFixture.Exec("kill", _pid.ToString(CultureInfo.InvariantCulture));
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
