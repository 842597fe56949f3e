using Fabric.Engine.Execution;
using Fabric.Engine.Hosts;
using static Fabric.Api;

namespace Fabric.EndToEnd.Tests.Ssh;

/// <summary>
/// Jump hosts: the fixture's sshd is the first gateway; a second sshd (DEBUG1, so it logs the channels it opens as a
/// gateway) is the second gateway on 127.0.0.7 and the final hosts on 127.0.0.8–10.
/// </summary>
[Collection(SshdGroup.Name)]
public sealed class JumpHostTests(SshdFixture sshd)
{
    private static readonly string[] Finals = ["127.0.0.8", "127.0.0.9", "127.0.0.10"];

    [Fact]
    public async Task Two_hop_proxy_jump_chain_serves_three_hosts_over_one_connection_per_gateway()
    {
        using var inner = new ExtraSshd(sshd, ["127.0.0.7", .. Finals]);
        var home = sshd.Path("home-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(System.IO.Path.Combine(home, ".ssh"));
        var config = System.IO.Path.Combine(home, ".ssh", "config");
        File.WriteAllText(config, $"""
            Host gw1
                HostName {SshdFixture.Address(0)}
                Port {sshd.Port}
            Host gw2
                HostName 127.0.0.7
                Port {inner.Port}
            Host final-*
                ProxyJump gw1,gw2
                Port {inner.Port}
            Host final-1
                HostName {Finals[0]}
            Host final-2
                HostName {Finals[1]}
            Host final-3
                HostName {Finals[2]}

            """);
        var options = sshd.Options() with { HomeDirectory = home, SshConfigFile = config };
        var gatewayConnections = sshd.ConnectionsTo(0);
        var innerBefore = inner.ConnectionsTo("127.0.0.7"); // the start-up probes
        var finalsBefore = Finals.Select(inner.ConnectionsTo).ToList();
        await using (var session = new SshSession(options))
        {
            foreach (var alias in new[] { "final-1", "final-2", "final-3" })
            {
                using var frame = SshSession.On(Alias(alias));
                Assert.Equal("root", Run("whoami").Stdout);
            }

            Assert.Contains("Added [127.0.0.7]:" + inner.Port, session.AllText, StringComparison.Ordinal);
        }

        Assert.Equal(gatewayConnections + 1, sshd.ConnectionsTo(0));
        Assert.Equal(innerBefore + 1, inner.ConnectionsTo("127.0.0.7"));
        Assert.Equal(finalsBefore.Select(n => n + 1), Finals.Select(inner.ConnectionsTo));
        Assert.All(Finals, address => Assert.Single(inner.LogLines(), l => l.Contains("server_request_direct_tcpip", StringComparison.Ordinal) && l.Contains($"target {address} port {inner.Port}", StringComparison.Ordinal)));
        var knownHosts = File.ReadAllText(options.KnownHostsPath);
        Assert.All(
            [$"[{SshdFixture.Address(0)}]:{sshd.Port}", $"[127.0.0.7]:{inner.Port}", .. Finals.Select(a => $"[{a}]:{inner.Port}")],
            name => Assert.Contains(name + " ", knownHosts, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Gateway_setting_routes_every_host_through_one_gateway_connection()
    {
        var gatewayConnections = sshd.ConnectionsTo(3);
        await using (var session = new SshSession(sshd.Options()))
        {
            session.Context.Env.Gateway = $"{SshdFixture.Address(3)}:{sshd.Port}";
            foreach (var index in new[] { 1, 2 })
            {
                using var frame = SshSession.On(sshd.Frame(index));
                Assert.Equal(SshdFixture.Address(index), Run("echo $SSH_CONNECTION | cut -d' ' -f3").Stdout);
            }

            Assert.Contains($"Disconnecting from {SshdFixture.Address(3)}:{sshd.Port}... done.", await CloseAndRead(session), StringComparison.Ordinal);
        }

        Assert.Equal(gatewayConnections + 1, sshd.ConnectionsTo(3));
    }

    [Fact]
    public async Task Changed_gateway_host_key_aborts_before_reaching_the_host()
    {
        var options = sshd.Options();
        File.WriteAllText(options.KnownHostsPath, sshd.KnownHostsLine(3, sshd.OtherHostKey) + "\n");
        await using var session = new SshSession(options);
        session.Context.Env.Gateway = $"{SshdFixture.Address(3)}:{sshd.Port}";
        using var frame = SshSession.On(sshd.Frame(1));

        var error = Assert.Throws<AbortException>(() => Run("true"));

        Assert.Contains($"Host key for {SshdFixture.Address(3)}:{sshd.Port} has changed", error.Message, StringComparison.Ordinal);
    }

    private static async Task<string> CloseAndRead(SshSession session)
    {
        await session.Context.Connections.CloseAllAsync();
        return session.AllText;
    }

    private static ExecutionFrame Alias(string alias) => new("t", new HostString(alias, null, alias, null), "root", 22);
}
