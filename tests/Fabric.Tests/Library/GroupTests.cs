namespace Fabric.Tests.Library;

/// <summary>The group's own policy, with work that opens no connection: validation, the pool, failures, cancellation.</summary>
public sealed class GroupTests
{
    private const int Timeout = 30_000;

    [Fact]
    public void A_host_listed_twice_a_bad_host_string_or_a_pool_under_one_is_refused()
    {
        Assert.Contains("Host 'web1' is listed twice", Assert.Throws<ArgumentException>(() => new Group(["web1", "web2", "web1"])).Message, StringComparison.Ordinal);
        Assert.Contains("Invalid host string 'web1:0'", Assert.Throws<ArgumentException>(() => new Group(["web1:0"])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Group(["web1"], poolSize: 0));
        Assert.Throws<ArgumentException>(() => new Group(["web1"], new ConnectionOptions { Port = 0 }));
    }

    [Fact]
    public void The_pool_is_every_host_unless_given()
    {
        using var all = new Group(["a", "b", "c"]);
        using var two = new Group(["a", "b", "c"], poolSize: 2);

        Assert.Equal(3, all.PoolSize);
        Assert.Equal(2, two.PoolSize);
        Assert.Equal(["a", "b", "c"], all.Connections.Select(c => c.Host));
        Assert.All(all.Connections, c => Assert.False(c.IsConnected));
    }

    [Fact(Timeout = Timeout)]
    public async Task For_each_runs_every_host_within_the_pool_and_a_failure_stops_no_other()
    {
        await using var group = new Group(["a", "b", "c", "d", "e"], poolSize: 2);
        var running = 0;
        var most = 0;

        var result = await group.ForEachAsync(async (connection, token) =>
        {
            var now = Interlocked.Increment(ref running);
            lock (group)
            {
                most = Math.Max(most, now);
            }

            await Task.Delay(200, token);
            Interlocked.Decrement(ref running);
            return connection.Host == "b" ? throw new InvalidOperationException("broken") : connection.Host.ToUpperInvariant();
        });

        Assert.Equal(2, most);
        Assert.Equal(["A", "C", "D", "E"], result.Succeeded.Select(r => r.Value));
        Assert.Equal("b: broken", Assert.Single(result.Failed).Error);
    }

    [Fact(Timeout = Timeout)]
    public async Task Throw_on_failure_throws_once_every_host_ended()
    {
        await using var group = new Group(["a", "b", "c"], poolSize: 1);
        var ran = new List<string>();

        var thrown = await Assert.ThrowsAsync<GroupFailedException>(() => group.ForEachAsync(
            (connection, _) =>
            {
                ran.Add(connection.Host);
                return connection.Host == "a" ? Task.FromException(new AbortException("a: refused")) : Task.CompletedTask;
            },
            throwOnFailure: true));

        Assert.Equal(["a", "b", "c"], ran);
        Assert.Equal("Failed on 1 of 3 hosts (a):\n  [a] a: refused", thrown.Message);
    }

    [Fact(Timeout = Timeout)]
    public async Task Cancelling_throws_and_starts_no_further_host()
    {
        await using var group = new Group(["a", "b", "c"], poolSize: 1);
        using var cancel = new CancellationTokenSource();
        var ran = new List<string>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => group.ForEachAsync(
            async (connection, token) =>
            {
                ran.Add(connection.Host);
                await cancel.CancelAsync();
                await Task.Delay(Timeout, token);
            },
            cancellationToken: cancel.Token));

        Assert.Equal(["a"], ran);
    }

    [Fact(Timeout = Timeout)]
    public async Task After_dispose_operations_are_refused_and_disposing_again_does_nothing()
    {
        var group = new Group(["a"]);
        await group.DisposeAsync();
        await group.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => group.RunAsync("true"));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => group.Connections[0].RunAsync("true"));
    }
}
