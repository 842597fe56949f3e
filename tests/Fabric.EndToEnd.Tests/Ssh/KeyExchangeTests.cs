using System.Collections.Immutable;
using Fabric.Engine.Execution;
using Fabric.Engine.Output;
using static Fabric.Api;

namespace Fabric.EndToEnd.Tests.Ssh;

[Collection(SshdGroup.Name)]
public sealed class KeyExchangeTests(SshdFixture sshd)
{
    [Fact]
    public async Task By_default_a_server_without_mlkem_negotiates_curve25519_and_debug_says_where_the_time_went()
    {
        var line = await ConnectAndDescribeAsync(null);

        Assert.Contains("kex curve25519-sha256,", line, StringComparison.Ordinal);
        Assert.Matches(@"connected in \d+ ms \(tcp \+ key exchange \d+ ms, host key check \d+ ms, auth \d+ ms\)", line);
    }

    [Fact]
    public async Task KexAlgorithms_can_prefer_sntrup761()
    {
        var line = await ConnectAndDescribeAsync("^sntrup761x25519-sha512@openssh.com");

        Assert.Contains("kex sntrup761x25519-sha512", line, StringComparison.Ordinal);
    }

    private async Task<string> ConnectAndDescribeAsync(string? kex)
    {
        var sink = new CollectingOutputSink();
        var context = new RunContext(sink)
        {
            Ssh = sshd.Options() with { KexAlgorithms = kex },
            OutputGroups = ImmutableDictionary.Create<string, bool>(StringComparer.Ordinal).Add("debug", true),
        };
        using (Ambient.Enter(context))
        using (Ambient.Enter(sshd.Frame(0)))
        {
            await RunAsync("true");
            await context.Connections.CloseAllAsync();
        }

        return Assert.Single(sink.Text, l => l.Contains("connected in", StringComparison.Ordinal));
    }
}
