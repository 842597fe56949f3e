using Fabric.EndToEnd.Tests.Ssh;

namespace Fabric.EndToEnd.Tests.Library;

/// <summary>
/// The test sshd's hosts as a library program sees them: host strings <c>127.0.0.N:port</c>, and options that log in as
/// <see cref="SshdFixture.OpsUser"/> with the fixture's client key, check host keys against a known_hosts file naming all five
/// (unknown hosts refused), read an empty ssh config and no agent: never the running user's <c>~/.ssh</c>.
/// </summary>
internal static class LibraryHosts
{
    /// <summary>The host string of test host <paramref name="index"/>.</summary>
    public static string Host(SshdFixture sshd, int index) => $"{SshdFixture.Address(index)}:{sshd.Port}";

    /// <summary>A host string on loopback where nothing listens: connecting to it is refused at once.</summary>
    public static string Dead() => $"127.0.0.7:{SshdProcess.FreePort("127.0.0.7")}";

    /// <summary>A known_hosts file naming every test host with the server's key.</summary>
    public static string KnownHosts(SshdFixture sshd)
    {
        var file = sshd.Path($"kh-library-{Guid.NewGuid():N}");
        File.WriteAllLines(file, Enumerable.Range(0, SshdFixture.HostCount).Select(i => sshd.KnownHostsLine(i)));
        return file;
    }

    public static ConnectionOptions Options(SshdFixture sshd, TextWriter? output = null)
    {
        var sshConfig = sshd.Path("ssh_config-library");
        if (!File.Exists(sshConfig))
        {
            File.WriteAllText(sshConfig, "");
        }

        return new ConnectionOptions
        {
            User = SshdFixture.OpsUser,
            KeyFiles = [sshd.ClientKey],
            KnownHostsFile = KnownHosts(sshd),
            RejectUnknownHosts = true,
            UseAgent = false,
            SshConfigFile = sshConfig,
            ConnectTimeout = TimeSpan.FromSeconds(15),
            Output = output,
            HomeDirectory = sshd.Path("home"),
        };
    }

    /// <summary>Where the server's log ends now: the line that <see cref="ClientsSince"/> starts reading at (the last, unfinished one).</summary>
    public static int LogMark(SshdFixture sshd) => Math.Max(SshdProcess.LogLines(sshd.LogFile).Length - 1, 0);

    /// <summary>
    /// The client ports of the connections the server accepted on test host <paramref name="index"/> after line
    /// <paramref name="from"/> of its log (a <see cref="LogMark"/>) (<c>Connection from 127.0.0.1 port P on 127.0.0.N port …</c>).
    /// </summary>
    public static IReadOnlyList<string> ClientsSince(SshdFixture sshd, int from, int index) =>
        [.. SshdProcess.LogLines(sshd.LogFile).Skip(from)
            .Where(l => l.StartsWith("Connection from ", StringComparison.Ordinal) && l.Contains($" on {SshdFixture.Address(index)} port {sshd.Port} ", StringComparison.Ordinal))
            .Select(l => string.Join(' ', l.Split(' ')[2..5]))];

    /// <summary>True when the server has logged the end of the connection from <paramref name="client"/> (<c>127.0.0.1 port P</c>).</summary>
    public static bool Closed(SshdFixture sshd, string client) =>
        SshdProcess.LogLines(sshd.LogFile).Any(l =>
            (l.StartsWith("Disconnected from ", StringComparison.Ordinal) || l.StartsWith("Received disconnect from ", StringComparison.Ordinal)
             || l.StartsWith("Connection closed by ", StringComparison.Ordinal))
            && (l.Contains(client + ":", StringComparison.Ordinal) || l.EndsWith(client, StringComparison.Ordinal) || l.Contains(client + " ", StringComparison.Ordinal)));

    /// <summary>Waits (10 s at most) until the server has logged the end of each connection from <paramref name="clients"/>; returns those still open.</summary>
    public static async Task<IReadOnlyList<string>> OpenAfterAsync(SshdFixture sshd, IReadOnlyList<string> clients)
    {
        for (var i = 0; i < 200; i++)
        {
            var open = clients.Where(c => !Closed(sshd, c)).ToList();
            if (open.Count == 0)
            {
                return open;
            }

            await Task.Delay(50);
        }

        return [.. clients.Where(c => !Closed(sshd, c))];
    }
}
