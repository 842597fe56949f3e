using Fabric.EndToEnd.Tests.Ssh;
using Fabric.Engine.Transport;
using Fabric.Engine.Transport.SshNet;

namespace Fabric.EndToEnd.Tests.Transport;

/// <summary>Output the reader has not taken yet holds the server back; a broken connection is a <see cref="ConnectionLostException"/>.</summary>
[Collection(SshdGroup.Name)]
public sealed class FlowTests(SshdFixture sshd)
{
    [Fact]
    public async Task Output_not_read_stays_within_the_queue_and_all_of_it_arrives_once_read()
    {
        const int Total = 16 * 1024 * 1024;
        await using var session = new SshSession(sshd.Options());
        var host = await TransportRun.HostAsync(session, SshdFixture.Address(0), sshd.Port);
        await using var command = await host.StartAsync(new CommandRequest($"head -c {Total} /dev/zero; echo done >&2"), CancellationToken.None).WaitAsync(TransportRun.Limit);
        var queued = ((SshRemoteCommand)command).QueuedBytes;
        for (var i = 0; i < 200 && queued < OutputQueue.DefaultCapacity / 2; i++)
        {
            await Task.Delay(50);
            queued = ((SshRemoteCommand)command).QueuedBytes;
        }

        await Task.Delay(500);
        var held = ((SshRemoteCommand)command).QueuedBytes;
        var ran = await TransportRun.DrainAsync(command).WaitAsync(TransportRun.Limit);

        Assert.InRange(held, OutputQueue.DefaultCapacity / 2, OutputQueue.DefaultCapacity + 256 * 1024);
        Assert.Equal(Total, ran.Stdout.Length);
        Assert.Equal(-1, ran.Stdout.AsSpan().IndexOfAnyExcept((byte)0));
        Assert.Equal("done\n", ran.Err);
        Assert.Equal(0, ran.Exit!.Status);
    }

    [Fact]
    public async Task A_connection_broken_under_a_command_is_ConnectionLostException_from_read_write_and_start()
    {
        using var server = new OneTestSshd(sshd, "");
        await using var session = new SshSession(sshd.Options());
        var host = await TransportRun.HostAsync(session, server.Address, server.Port);
        await using var command = await host.StartAsync(new CommandRequest("echo started; sleep 30"), CancellationToken.None).WaitAsync(TransportRun.Limit);
        var first = await command.ReadAsync(CancellationToken.None).AsTask().WaitAsync(TransportRun.Limit);

        server.KillConnections();

        await Assert.ThrowsAsync<ConnectionLostException>(async () => await command.ReadAsync(CancellationToken.None).AsTask().WaitAsync(TransportRun.Limit));
        await Assert.ThrowsAsync<ConnectionLostException>(async () => await command.WriteInputAsync(new byte[10], CancellationToken.None).AsTask().WaitAsync(TransportRun.Limit));
        await Assert.ThrowsAsync<ConnectionLostException>(() => host.StartAsync(new CommandRequest("true"), CancellationToken.None).WaitAsync(TransportRun.Limit));
        command.CloseInput();
        command.Signal("TERM");
        Assert.Equal("started\n", System.Text.Encoding.ASCII.GetString(first!.Value.Bytes.Span));
    }

    [Fact]
    public async Task After_the_server_closed_an_idle_connection_the_next_command_goes_over_a_fresh_one()
    {
        using var server = new OneTestSshd(sshd, "");
        await using var session = new SshSession(sshd.Options());
        var host = await TransportRun.HostAsync(session, server.Address, server.Port);
        var before = await TransportRun.RunAsync(host, "echo one");

        server.KillConnections();
        await Task.Delay(300);
        var after = await TransportRun.RunAsync(host, "echo two");
        var again = await TransportRun.RunAsync(host, "echo three");

        Assert.Equal(("one\n", "two\n", "three\n"), (before.Out, after.Out, again.Out));
        Assert.Equal(3, server.Log().Split('\n').Count(l => l.StartsWith("Accepted publickey", StringComparison.Ordinal)));
    }
}
