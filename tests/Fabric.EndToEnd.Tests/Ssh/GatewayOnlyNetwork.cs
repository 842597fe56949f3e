using System.ComponentModel;
using System.Globalization;

namespace Fabric.EndToEnd.Tests.Ssh;

/// <summary>
/// Three hosts that only a second gateway can reach, for the jump-host tests. A network namespace of the test's own
/// (<c>fabtest-jump-PID</c>, made and deleted here) holds an sshd serving the final hosts 127.0.0.8–10, which lets
/// <see cref="SshdFixture.TestUser"/> in only from <see cref="GatewayAddress"/> (<c>AllowUsers fabtest@127.0.0.5</c>); inside
/// the namespace the loopback route's source address is 127.0.0.5, so a connection the gateway forwards comes from it.
/// The gateway is reached from the root namespace at 127.0.0.5:<see cref="Port"/>, where an <see cref="SshdRelay"/> hands
/// each connection to its own <c>sshd -i</c> started inside the namespace. Nothing listens on the final hosts' addresses in
/// the root namespace. The root namespace's routes are never touched. Needs root (<c>ip netns</c>); disposing stops every
/// process started here and deletes the namespace.
/// </summary>
internal sealed class GatewayOnlyNetwork : IDisposable
{
    public const string GatewayAddress = "127.0.0.5";
    private const string NamePrefix = "fabtest-jump-";

    /// <summary>iproute2's <c>ip</c>, wherever the distribution puts it (a root shell's PATH may lack <c>/usr/sbin</c>).</summary>
    private static readonly string Ip = new[] { "/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip" }.FirstOrDefault(File.Exists) ?? "ip";
    private readonly SshdRelay _relay;
    private readonly int _finalsPid;

    public GatewayOnlyNetwork(SshdFixture sshd)
    {
        Namespace = NamePrefix + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        RemoveStale();
        try
        {
            SshdFixture.Exec(Ip, "netns", "add", Namespace);
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception)
        {
            throw new InvalidOperationException(
                "The jump-host tests need a network namespace of their own (`ip netns add`, from iproute2, as root with "
                + $"CAP_SYS_ADMIN; test.sh installs iproute2): {e.Message.Trim()}", e);
        }

        try
        {
            SshdFixture.Exec(Ip, "-n", Namespace, "link", "set", "lo", "up");
            SshdFixture.Exec(Ip, "-n", Namespace, "route", "replace", "local", "127.0.0.0/8", "dev", "lo", "src", GatewayAddress, "table", "local");

            var name = "gw-only-" + Guid.NewGuid().ToString("N")[..8];
            GatewayLog = sshd.Path(name + "-gateway.log");
            FinalsLog = sshd.Path(name + "-finals.log");
            var gatewayConfig = sshd.Path(name + "-gateway_config");
            File.WriteAllText(gatewayConfig, Config(sshd, $"AllowUsers {SshdFixture.TestUser}\nLogLevel DEBUG1\n"));
            _relay = new SshdRelay(GatewayAddress, [Ip, "netns", "exec", Namespace, "/usr/sbin/sshd", "-i", "-f", gatewayConfig, "-E", GatewayLog]);
            Port = _relay.Port;

            var pidFile = sshd.Path(name + "-finals.pid");
            var finalsConfig = sshd.Path(name + "-finals_config");
            File.WriteAllText(finalsConfig, string.Concat(Finals.Select(a => $"ListenAddress {a}:{Port}\n")) + Config(sshd, $"""
                PidFile {pidFile}
                AllowUsers {SshdFixture.TestUser}@{GatewayAddress}
                MaxStartups 50:30:100
                LogLevel VERBOSE

                """));
            SshdFixture.Exec(Ip, "netns", "exec", Namespace, "/usr/sbin/sshd", "-f", finalsConfig, "-E", FinalsLog);
            for (var i = 0; i < 200 && !(File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out _finalsPid)); i++)
            {
                Thread.Sleep(25);
            }

            // sshd logs "Server listening on ..." for each address before it writes its pid file.
            if (_finalsPid == 0 || Finals.Any(a => !FinalsLogLines().Any(l => l.Contains($"Server listening on {a} port {Port}", StringComparison.Ordinal))))
            {
                throw new InvalidOperationException($"The final hosts' sshd did not start in {Namespace}: {string.Join('\n', FinalsLogLines())}");
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The final hosts' addresses (inside the namespace only).</summary>
    public static IReadOnlyList<string> Finals { get; } = ["127.0.0.8", "127.0.0.9", "127.0.0.10"];

    public string Namespace { get; }

    /// <summary>The port of the gateway (at <see cref="GatewayAddress"/>, from the root namespace) and of the final hosts.</summary>
    public int Port { get; }

    public string GatewayLog { get; } = "";

    public string FinalsLog { get; } = "";

    /// <summary>How many connections the second gateway served (one <c>sshd -i</c> each).</summary>
    public int GatewayConnections => _relay.Accepted;

    /// <summary>How many connections the second gateway's log shows (<c>Connection from</c>, logged at <c>LogLevel VERBOSE</c>).</summary>
    public int GatewayLoggedConnections => SshdProcess.LogLines(GatewayLog).Count(l => l.Contains("Connection from ", StringComparison.Ordinal));

    /// <summary>The gateway's log lines saying it opened a forwarded (<c>direct-tcpip</c>) channel to <paramref name="address"/>.</summary>
    public int ForwardsTo(string address) => SshdProcess.LogLines(GatewayLog).Count(l =>
        l.Contains("server_request_direct_tcpip", StringComparison.Ordinal) && l.Contains($"target {address} port {Port}", StringComparison.Ordinal));

    /// <summary>The addresses the final host <paramref name="address"/> accepted connections from, one per connection.</summary>
    public IReadOnlyList<string> ConnectionsTo(string address) =>
    [
        .. FinalsLogLines()
            .Where(l => l.Contains("Connection from ", StringComparison.Ordinal) && l.Contains($" on {address} port {Port}", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf("Connection from ", StringComparison.Ordinal) + 16)..].Split(' ')[0]),
    ];

    /// <summary>Runs <paramref name="command"/> inside the namespace and returns its stdout; throws when it fails.</summary>
    public string RunInside(params string[] command) => SshdFixture.Exec(Ip, ["netns", "exec", Namespace, .. command]);

    public string[] FinalsLogLines() => SshdProcess.LogLines(FinalsLog);

    public void Dispose()
    {
        _relay?.Dispose();
        if (_finalsPid > 0)
        {
            Quietly("kill", _finalsPid.ToString(CultureInfo.InvariantCulture));
        }

        KillAndDelete(Namespace);
    }

    private static string Config(SshdFixture sshd, string extra) => $"""
        HostKey {sshd.HostKey}
        AuthorizedKeysFile {sshd.Path("authorized_keys")}
        StrictModes no
        PubkeyAuthentication yes
        PasswordAuthentication no
        KbdInteractiveAuthentication no
        PrintMotd no
        {extra}
        """;

    /// <summary>Namespaces of ours left by a test process that no longer runs (killed before it could clean up), or by this one.</summary>
    private static void RemoveStale()
    {
        string list;
        try
        {
            list = SshdFixture.Exec(Ip, "netns", "list");
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception)
        {
            return; // `ip netns add` will say what is missing.
        }

        foreach (var name in list.Split('\n').Select(l => l.Split(' ')[0]).Where(n => n.StartsWith(NamePrefix, StringComparison.Ordinal)))
        {
            if (int.TryParse(name[NamePrefix.Length..], CultureInfo.InvariantCulture, out var pid) && (pid == Environment.ProcessId || !Directory.Exists($"/proc/{pid}")))
            {
                KillAndDelete(name);
            }
        }
    }

    /// <summary>Stops what still runs in namespace <paramref name="name"/> (all started by these tests) and deletes it.</summary>
    private static void KillAndDelete(string name)
    {
        var pids = Quietly(Ip, "netns", "pids", name).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (pids.Length > 0)
        {
            Quietly("kill", ["-9", .. pids]);
        }

        Quietly(Ip, "netns", "delete", name);
    }

    private static string Quietly(string program, params string[] args)
    {
        try
        {
            return SshdFixture.Exec(program, args);
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception)
        {
            return "";
        }
    }

}
