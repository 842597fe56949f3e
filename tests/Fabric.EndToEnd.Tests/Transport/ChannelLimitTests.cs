using Fabric.EndToEnd.Tests.Ssh;
using Fabric.Engine.Transport;

namespace Fabric.EndToEnd.Tests.Transport;

/// <summary>What the server allows at once on one connection: a refused channel waits, a server refusing all says so.</summary>
[Collection(SshdGroup.Name)]
public sealed class ChannelLimitTests(SshdFixture sshd)
{
    [Fact]
    public async Task Under_MaxSessions_1_two_concurrent_commands_both_succeed_on_one_connection()
    {
        using var server = new OneTestSshd(sshd, "MaxSessions 1");
        await using var session = new SshSession(sshd.Options());
        var host = await TransportRun.HostAsync(session, server.Address, server.Port);

        await using var first = await host.StartAsync(new CommandRequest("sleep 1; echo first"), CancellationToken.None).WaitAsync(TransportRun.Limit);
        var second = TransportRun.RunAsync(host, "echo second");
        var firstRan = await TransportRun.DrainAsync(first).WaitAsync(TransportRun.Limit);
        await first.DisposeAsync();
        var secondRan = await second.WaitAsync(TransportRun.Limit);
        var third = await TransportRun.RunAsync(host, "echo third");

        Assert.Equal(("first\n", 0), (firstRan.Out, firstRan.Exit!.Code));
        Assert.Equal(("second\n", 0), (secondRan.Out, secondRan.Exit!.Code));
        Assert.Equal("third\n", third.Out);
        Assert.Equal(1, server.Log().Split('\n').Count(l => l.StartsWith("Accepted publickey", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Under_MaxSessions_1_many_concurrent_commands_all_succeed()
    {
        using var server = new OneTestSshd(sshd, "MaxSessions 1");
        await using var session = new SshSession(sshd.Options());
        var host = await TransportRun.HostAsync(session, server.Address, server.Port);

        var runs = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => TransportRun.RunAsync(host, $"echo {i}"))).WaitAsync(TransportRun.Limit);

        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"{i}\n"), runs.Select(r => r.Out));
        Assert.All(runs, r => Assert.Equal(0, r.Exit!.Status));
    }

    [Fact]
    public async Task Under_MaxSessions_1_disposing_a_running_command_unread_frees_its_place_for_the_next()
    {
        using var server = new OneTestSshd(sshd, "MaxSessions 1");
        await using var session = new SshSession(sshd.Options());
        var host = await TransportRun.HostAsync(session, server.Address, server.Port);
        var running = await host.StartAsync(new CommandRequest("head -c 50000000 /dev/zero; sleep 30"), CancellationToken.None).WaitAsync(TransportRun.Limit);
        var waiting = host.StartAsync(new CommandRequest("echo waited"), CancellationToken.None);

        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);
        await running.DisposeAsync().AsTask().WaitAsync(TransportRun.Limit);
        await using var next = await waiting.WaitAsync(TransportRun.Limit);
        var ran = await TransportRun.DrainAsync(next).WaitAsync(TransportRun.Limit);

        Assert.Equal("waited\n", ran.Out);
    }

    [Fact]
    public async Task A_start_waiting_for_a_place_stops_when_cancelled()
    {
        using var server = new OneTestSshd(sshd, "MaxSessions 1");
        await using var session = new SshSession(sshd.Options());
        var host = await TransportRun.HostAsync(session, server.Address, server.Port);
        await using var running = await host.StartAsync(new CommandRequest("sleep 30"), CancellationToken.None).WaitAsync(TransportRun.Limit);
        using var stop = new CancellationTokenSource();

        var waiting = host.StartAsync(new CommandRequest("echo never"), stop.Token);
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TransportRun.Limit));
    }

    [Fact]
    public async Task Under_MaxSessions_0_the_message_names_the_host_and_says_it_refuses_sessions()
    {
        using var server = new OneTestSshd(sshd, "MaxSessions 0");
        await using var session = new SshSession(sshd.Options());
        var host = await TransportRun.HostAsync(session, server.Address, server.Port);

        var error = await Assert.ThrowsAsync<AbortException>(() => host.StartAsync(new CommandRequest("true"), CancellationToken.None).WaitAsync(TransportRun.Limit));

        Assert.Contains(host.Target.Display, error.Message, StringComparison.Ordinal);
        Assert.Contains("refuses every session", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxSessions", error.Message, StringComparison.Ordinal);
    }
}
