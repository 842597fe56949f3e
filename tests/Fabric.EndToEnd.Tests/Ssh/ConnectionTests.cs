using Fabric.Engine.Execution;
using static Fabric.Api;

namespace Fabric.EndToEnd.Tests.Ssh;

[Collection(SshdGroup.Name)]
public sealed class ConnectionTests(SshdFixture sshd)
{
    [Fact]
    public async Task Two_operations_in_two_tasks_on_one_host_use_one_connection()
    {
        var connectionsBefore = sshd.ConnectionsTo(3);
        var loginsBefore = sshd.AcceptedPublicKeyLogins();
        await using (var session = new SshSession(sshd.Options()))
        {
            using (SshSession.On(sshd.Frame(3, task: "first")))
            {
                Run("true");
                Run("echo again");
            }

            using (SshSession.On(sshd.Frame(3, task: "second")))
            {
                await Task.WhenAll(RunAsync("sleep 0.2"), RunAsync("sleep 0.2"), RunAsync("echo racing"));
            }

            Assert.Equal(1, session.Context.Connections.OpenCount);
        }

        Assert.Equal(1, sshd.ConnectionsTo(3) - connectionsBefore);
        Assert.Equal(1, sshd.AcceptedPublicKeyLogins() - loginsBefore);
    }

    [Fact]
    public async Task Two_operations_racing_to_connect_make_one_connection()
    {
        var before = sshd.ConnectionsTo(4);
        await using (var session = new SshSession(sshd.Options()))
        {
            using var frame = SshSession.On(sshd.Frame(4));
            await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => RunAsync("true"))));
        }

        Assert.Equal(1, sshd.ConnectionsTo(4) - before);
    }

    [Fact]
    public async Task Connections_are_closed_at_the_end_even_after_a_failure()
    {
        var session = new SshSession(sshd.Options());
        try
        {
            for (var i = 0; i < 2; i++)
            {
                using var frame = SshSession.On(sshd.Frame(i));
                Run("true");
            }

            using (SshSession.On(sshd.Frame(1)))
            {
                Assert.Throws<CommandFailedException>(() => Run("exit 1"));
            }

            Assert.Equal(2, session.Context.Connections.OpenCount);
        }
        finally
        {
            await session.DisposeAsync();
        }

        Assert.Equal(0, session.Context.Connections.OpenCount);
        Assert.Equal(
            [$"Disconnecting from {sshd.Host(0).Original}... done.", $"Disconnecting from {sshd.Host(1).Original}... done."],
            session.Text.Where(l => l.StartsWith("Disconnecting", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Refused_connection_aborts_with_one_line_naming_the_host()
    {
        await using var session = new SshSession(sshd.Options());
        var host = new Fabric.Engine.Hosts.HostString($"127.0.0.9:{sshd.Port}", null, "127.0.0.9", sshd.Port);
        using var frame = SshSession.On(new ExecutionFrame("t", host, SshdFixture.OpsUser, sshd.Port));

        var error = Assert.ThrowsAny<AbortException>(() => Run("true"));

        Assert.Equal($"Could not connect to 127.0.0.9:{sshd.Port}: connection refused.", error.Message);
    }

    [Fact]
    public async Task Connection_attempts_retry_before_giving_up()
    {
        await using var session = new SshSession(sshd.Options() with { ConnectionAttempts = 2 });
        var host = new Fabric.Engine.Hosts.HostString($"127.0.0.9:{sshd.Port}", null, "127.0.0.9", sshd.Port);
        using var frame = SshSession.On(new ExecutionFrame("t", host, SshdFixture.OpsUser, sshd.Port));

        Assert.ThrowsAny<AbortException>(() => Run("true"));

        Assert.Single(session.Text, l => l.Contains("attempt 1 of 2", StringComparison.Ordinal));
    }
}
