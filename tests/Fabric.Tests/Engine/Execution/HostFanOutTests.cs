using Fabric.Engine.Execution;

namespace Fabric.Tests.Engine.Execution;

public class HostFanOutTests
{
    private static readonly string[] Hosts = [.. Enumerable.Range(1, 12).Select(i => $"h{i}")];

    [Fact]
    public async Task Hosts_start_in_list_order_and_never_more_than_the_pool_at_once()
    {
        // "Started" is the starting callback (it prints the Executing line): called in list order, before each host's
        // body is handed to its own thread, where bodies may begin in any order.
        var started = new List<string>();
        var inFlight = 0;
        var most = 0;
        var outcomes = await HostFanOut.RunAsync(Hosts, 4, async host =>
        {
            lock (started)
            {
                most = Math.Max(most, ++inFlight);
            }

            await Task.Yield();
            await Task.Delay(5);
            lock (started)
            {
                inFlight--;
            }

            return host.ToUpperInvariant();
        }, CancellationToken.None, host =>
        {
            lock (started)
            {
                started.Add(host);
            }
        });

        Assert.Equal(Hosts, started);
        Assert.InRange(most, 1, 4);
        Assert.Equal(Hosts.Select(h => h.ToUpperInvariant()), outcomes.Select(o => o.Result));
        Assert.All(outcomes, o => Assert.True(o.Succeeded));
    }

    [Fact]
    public async Task The_whole_pool_is_in_flight_together()
    {
        // Each of the first four waits until all four have started: this finishes only if they run at the same time.
        using var allStarted = new CountdownEvent(4);
        var outcomes = await HostFanOut.RunAsync(Hosts[..4], 4, host =>
        {
            allStarted.Signal();
            return Task.FromResult(allStarted.Wait(TimeSpan.FromSeconds(30)));
        }, CancellationToken.None);

        Assert.All(outcomes, o => Assert.True(o.Result));
    }

    [Fact]
    public async Task After_a_failure_running_hosts_finish_and_no_new_host_starts()
    {
        using var threeStarted = new CountdownEvent(3);
        using var failureSeen = new ManualResetEventSlim();
        var finished = new List<string>();
        var outcomes = await HostFanOut.RunAsync(Hosts, 3, host =>
        {
            if (host is "h1" or "h2" or "h3")
            {
                threeStarted.Signal();
                threeStarted.Wait(TimeSpan.FromSeconds(30));
            }

            if (host == "h2")
            {
                try
                {
                    throw new InvalidOperationException("h2 broke");
                }
                finally
                {
                    failureSeen.Set();
                }
            }

            if (host is "h1" or "h3")
            {
                // Still running when h2 fails: they finish all the same.
                failureSeen.Wait(TimeSpan.FromSeconds(30));
            }

            lock (finished)
            {
                finished.Add(host);
            }

            return Task.FromResult(host);
        }, CancellationToken.None);

        Assert.Equal("h2 broke", outcomes[1].Error?.Message);
        Assert.Contains("h1", finished);
        Assert.Contains("h3", finished);
        Assert.True(outcomes[0].Succeeded);
        Assert.True(outcomes[2].Succeeded);

        // h1 and h3 may each free their slot in the microseconds between h2's throw and its failure being marked, so
        // up to two hosts may start at that instant; none after them.
        Assert.DoesNotContain(outcomes.Skip(5), o => o.Started);
    }

    [Fact]
    public async Task A_pool_of_one_is_serial_and_stops_at_the_first_failure()
    {
        var started = new List<string>();
        var outcomes = await HostFanOut.RunAsync(Hosts, 1, host =>
        {
            started.Add(host);
            return host == "h3" ? Task.FromException<string>(new InvalidOperationException("no")) : Task.FromResult(host);
        }, CancellationToken.None);

        Assert.Equal(["h1", "h2", "h3"], started);
        Assert.False(outcomes[3].Started);
    }

    [Fact]
    public async Task Blocking_executions_in_a_pool_do_not_block_each_other()
    {
        // Synchronous task code blocks its thread; each execution has its own, so all eight meet.
        using var allStarted = new CountdownEvent(8);
        var outcomes = await HostFanOut.RunAsync(Hosts[..8], 8, host =>
        {
            allStarted.Signal();
            return Task.FromResult(allStarted.Wait(TimeSpan.FromSeconds(30)));
        }, CancellationToken.None);

        Assert.All(outcomes, o => Assert.True(o.Result));
    }
}
