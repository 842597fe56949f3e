using Fabric.EndToEnd.Tests.Infrastructure;
using Fabric.Engine.Execution;
using Fabric.Engine.Hosts;
using Fabric.Engine.Ssh;
using static Fabric.Api;

namespace Fabric.EndToEnd.Tests.Ssh;

/// <summary>
/// Jump hosts. The fixture's sshd is the first gateway (127.0.0.4); <see cref="GatewayOnlyNetwork"/> provides the second
/// gateway (127.0.0.5) and three final hosts (127.0.0.8–10) in a network namespace of their own, which accept
/// connections only from the second gateway's address.
/// </summary>
[Collection(SshdGroup.Name)]
public sealed class JumpHostTests(SshdFixture sshd)
{
    private const int FirstGatewayIndex = 2;
    private static readonly string FirstGateway = SshdFixture.Address(FirstGatewayIndex);

    [Fact]
    public async Task Final_hosts_that_accept_only_the_second_gateway_are_not_reachable_directly_or_through_the_first_alone()
    {
        using var network = new GatewayOnlyNetwork(sshd);
        var options = ConfigOptions(network);
        await using var session = new SshSession(options);

        using (SshSession.On(Alias("direct-1")))
        {
            var direct = Assert.ThrowsAny<AbortException>(() => Run("true"));
            Assert.Contains("Could not connect to direct-1: connection refused", direct.Message, StringComparison.Ordinal);
        }

        using (SshSession.On(Alias("first-only-1")))
        {
            var throughFirst = Assert.ThrowsAny<AbortException>(() => Run("true"));
            Assert.Contains(
                $"Could not connect to first-only-1: the connection through gw1 closed before {GatewayOnlyNetwork.Finals[0]}:{network.Port} said anything: the gateway could not reach that address",
                throughFirst.Message,
                StringComparison.Ordinal);
        }

        // From inside the namespace, but from another address than the gateway's: refused by AllowUsers.
        var other = Assert.Throws<InvalidOperationException>(() => network.RunInside(
            "ssh", "-F", "/dev/null", "-b", "127.0.0.1", "-p", $"{network.Port}",
            "-i", sshd.ClientKey, "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none", "-o", "BatchMode=yes",
            "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", $"{SshdFixture.TestUser}@{GatewayOnlyNetwork.Finals[0]}", "true"));
        Assert.Contains("Permission denied", other.Message, StringComparison.Ordinal);
        Assert.Contains(network.FinalsLogLines(), l => l.Contains($"User {SshdFixture.TestUser} from 127.0.0.1 not allowed because not listed in AllowUsers", StringComparison.Ordinal));
        Assert.Equal(["127.0.0.1"], network.ConnectionsTo(GatewayOnlyNetwork.Finals[0]));
    }

    [Fact]
    public async Task Two_hop_proxy_jump_chain_serves_three_gateway_only_hosts_over_one_connection_per_gateway()
    {
        using var network = new GatewayOnlyNetwork(sshd);
        var options = ConfigOptions(network);
        var firstGatewayBefore = sshd.ConnectionsTo(FirstGatewayIndex);
        await using (var session = new SshSession(options))
        {
            foreach (var (alias, address) in Aliases.Zip(GatewayOnlyNetwork.Finals))
            {
                using var frame = SshSession.On(Alias(alias));
                Assert.Equal(SshdFixture.TestUser, Run("whoami").Stdout);
                Assert.Equal($"{GatewayOnlyNetwork.GatewayAddress} {address}", Run("echo $SSH_CONNECTION | cut -d' ' -f1,3").Stdout);
            }
        }

        Assert.Equal(1, sshd.ConnectionsTo(FirstGatewayIndex) - firstGatewayBefore);
        Assert.Equal(1, network.GatewayConnections);
        Assert.Equal(1, network.GatewayLoggedConnections);
        Assert.All(GatewayOnlyNetwork.Finals, address =>
        {
            Assert.Equal([GatewayOnlyNetwork.GatewayAddress], network.ConnectionsTo(address));
            Assert.Equal(1, network.ForwardsTo(address));
        });
        var knownHosts = File.ReadAllText(options.KnownHostsPath);
        Assert.All(
            [$"[{FirstGateway}]:{sshd.Port}", $"[{GatewayOnlyNetwork.GatewayAddress}]:{network.Port}", .. GatewayOnlyNetwork.Finals.Select(a => $"[{a}]:{network.Port}")],
            name => Assert.Contains(name + " ", knownHosts, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Gateway_setting_with_two_hops_serves_gateway_only_hosts_over_one_connection_per_gateway()
    {
        using var network = new GatewayOnlyNetwork(sshd);
        var firstGatewayBefore = sshd.ConnectionsTo(FirstGatewayIndex);
        await using (var session = new SshSession(sshd.Options()))
        {
            session.Context.Env.Gateway = $"{SshdFixture.TestUser}@{FirstGateway}:{sshd.Port},{SshdFixture.TestUser}@{GatewayOnlyNetwork.GatewayAddress}:{network.Port}";
            foreach (var address in GatewayOnlyNetwork.Finals)
            {
                using var frame = SshSession.On(new ExecutionFrame("t", HostString.Parse($"{SshdFixture.TestUser}@{address}:{network.Port}"), SshdFixture.TestUser, network.Port));
                Assert.Equal($"{GatewayOnlyNetwork.GatewayAddress} {address}", Run("echo $SSH_CONNECTION | cut -d' ' -f1,3").Stdout);
            }
        }

        Assert.Equal(1, sshd.ConnectionsTo(FirstGatewayIndex) - firstGatewayBefore);
        Assert.Equal(1, network.GatewayConnections);
        Assert.All(GatewayOnlyNetwork.Finals, address => Assert.Equal([GatewayOnlyNetwork.GatewayAddress], network.ConnectionsTo(address)));
    }

    [Fact]
    public async Task Dotnet_fab_with_a_two_hop_gateway_option_runs_a_task_on_three_gateway_only_hosts()
    {
        using var network = new GatewayOnlyNetwork(sshd);
        var hosts = GatewayOnlyNetwork.Finals.Select(a => $"{a}:{network.Port}").ToList();
        var firstGateway = $"{FirstGateway}:{sshd.Port}";
        var secondGateway = $"{GatewayOnlyNetwork.GatewayAddress}:{network.Port}";
        var firstGatewayBefore = sshd.ConnectionsTo(FirstGatewayIndex);

        var result = await FabTool.RunAsync(Repository.Root, [
            "-f", Repository.Path("tests", "fabfiles", "remote"), "-i", sshd.ClientKey, "--known-hosts", sshd.Path($"known_hosts-{Guid.NewGuid():N}"),
            "-u", SshdFixture.TestUser, "-g", $"{firstGateway},{secondGateway}", "-H", string.Join(',', hosts), "where"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            hosts.Zip(GatewayOnlyNetwork.Finals, (host, address) => $"[{host}] out: {address}"),
            result.StdoutLines.Where(l => l.Contains("] out: ", StringComparison.Ordinal)));
        Assert.Equal(
            [.. hosts.Select(h => $"Disconnecting from {h}... done."), $"Disconnecting from {secondGateway}... done.", $"Disconnecting from {firstGateway}... done."],
            result.StdoutLines.Where(l => l.StartsWith("Disconnecting from ", StringComparison.Ordinal)));
        Assert.Equal(1, sshd.ConnectionsTo(FirstGatewayIndex) - firstGatewayBefore);
        Assert.Equal(1, network.GatewayConnections);
        Assert.All(GatewayOnlyNetwork.Finals, address => Assert.Equal([GatewayOnlyNetwork.GatewayAddress], network.ConnectionsTo(address)));
    }

    [Fact]
    public async Task Gateway_setting_routes_every_host_through_one_gateway_connection()
    {
        var gatewayConnections = sshd.ConnectionsTo(3);
        await using (var session = new SshSession(sshd.Options()))
        {
            session.Context.Env.User = SshdFixture.OpsUser; // as -u does: the gateway's user too
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

    [Fact(Timeout = 120_000)]
    public async Task A_settings_scope_with_no_gateway_reaches_the_gateway_host_itself_directly()
    {
        var before = sshd.ConnectionsTo(3);
        var gateway = $"{SshdFixture.Address(3)}:{sshd.Port}";
        await using (var session = new SshSession(sshd.Options()))
        {
            session.Context.Env.Gateway = gateway;
            using var frame = SshSession.On(sshd.Frame(1, SshdFixture.TestUser));
            using (Settings(hostString: $"{SshdFixture.TestUser}@{gateway}", gateway: ""))
            {
                Assert.Equal(SshdFixture.Address(3), Run("echo $SSH_CONNECTION | cut -d' ' -f3").Stdout);
            }

            await CloseAndRead(session);
        }

        // One login: the host itself, not a jump connection to it and a second login through that.
        Assert.Equal(before + 1, sshd.ConnectionsTo(3));
    }

    [Fact]
    public async Task Changed_gateway_host_key_aborts_before_reaching_the_host()
    {
        var options = sshd.Options();
        File.WriteAllText(options.KnownHostsPath, sshd.KnownHostsLine(3, sshd.OtherHostKey) + "\n");
        await using var session = new SshSession(options);
        session.Context.Env.User = SshdFixture.OpsUser;
        session.Context.Env.Gateway = $"{SshdFixture.Address(3)}:{sshd.Port}";
        using var frame = SshSession.On(sshd.Frame(1));

        var error = Assert.ThrowsAny<AbortException>(() => Run("true"));

        Assert.Contains($"Host key for {SshdFixture.Address(3)}:{sshd.Port} has changed", error.Message, StringComparison.Ordinal);
    }

    private static async Task<string> CloseAndRead(SshSession session)
    {
        await session.Context.Connections.CloseAllAsync();
        return session.AllText;
    }

    private static readonly string[] Aliases = ["final-1", "final-2", "final-3"];

    /// <summary>
    /// An ssh config of the test's own: <c>final-N</c> through <c>gw1,gw2</c>; <c>direct-1</c> and <c>first-only-1</c> name
    /// final host 1 with no jump host and through the first gateway only. Every host's user is the test user.
    /// </summary>
    private SshOptions ConfigOptions(GatewayOnlyNetwork network)
    {
        var home = sshd.Path("home-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(System.IO.Path.Combine(home, ".ssh"));
        var config = System.IO.Path.Combine(home, ".ssh", "config");
        var finals = GatewayOnlyNetwork.Finals;
        File.WriteAllText(config, $"""
            Host gw1
                HostName {FirstGateway}
                Port {sshd.Port}
            Host gw2
                HostName {GatewayOnlyNetwork.GatewayAddress}
                Port {network.Port}
            Host final-*
                ProxyJump gw1,gw2
            Host final-1 direct-1 first-only-1
                HostName {finals[0]}
            Host final-2
                HostName {finals[1]}
            Host final-3
                HostName {finals[2]}
            Host first-only-1
                ProxyJump gw1
            Host *
                User {SshdFixture.TestUser}
                Port {network.Port}

            """);
        return sshd.Options() with { HomeDirectory = home, SshConfigFile = config };
    }

    private static ExecutionFrame Alias(string alias) => new("t", new HostString(alias, null, alias, null), SshdFixture.OpsUser, 22);
}
