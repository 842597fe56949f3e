using Fabric.EndToEnd.Tests.Ssh;

namespace Fabric.EndToEnd.Tests.Library;

/// <summary>A <see cref="Group"/> used as a library, in this process, against the test sshd's five hosts.</summary>
[Collection(SshdGroup.Name)]
public sealed class LibraryGroupTests(SshdFixture sshd)
{
    private const int Timeout = 90_000;

    [Fact(Timeout = Timeout)]
    public async Task One_unreachable_host_of_five_is_one_readable_failure_and_the_other_four_succeed()
    {
        var dead = LibraryHosts.Dead();
        string[] hosts = [LibraryHosts.Host(sshd, 0), LibraryHosts.Host(sshd, 1), dead, LibraryHosts.Host(sshd, 2), LibraryHosts.Host(sshd, 3)];
        await using var group = new Group(hosts, LibraryHosts.Options(sshd));

        var result = await group.RunAsync("echo ok");

        Assert.Equal(hosts, result.Select(r => r.Host));
        Assert.Equal(hosts.Where(h => h != dead), result.Succeeded.Select(r => r.Host));
        Assert.All(result.Succeeded, r => Assert.Equal("ok", r.Value!.Stdout));
        var failure = Assert.Single(result.Failed);
        Assert.Equal(dead, failure.Host);
        Assert.StartsWith($"Could not connect to {dead}", failure.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", failure.Error, StringComparison.Ordinal);
        Assert.False(result.AllSucceeded);

        var thrown = Assert.Throws<GroupFailedException>(() => result.ThrowIfAnyFailed());
        Assert.StartsWith($"Failed on 1 of 5 hosts ({dead}):\n  [{dead}] Could not connect to {dead}", thrown.Message, StringComparison.Ordinal);
        Assert.Equal([dead], thrown.Failures.Keys);
    }

    [Fact(Timeout = Timeout)]
    public async Task A_command_failing_on_one_host_fails_there_only_and_throw_on_failure_throws_after_all_ran()
    {
        string[] hosts = [.. Enumerable.Range(0, SshdFixture.HostCount).Select(i => LibraryHosts.Host(sshd, i))];
        var marker = SshdFixture.OpsFolder("fabric-library-group-");
        try
        {
            await using var group = new Group(hosts, LibraryHosts.Options(sshd), poolSize: 2);
            // The server's own address is the third word of SSH_CONNECTION: the command fails on 127.0.0.4 only.
            var command = $"set -- $SSH_CONNECTION; touch {marker}/$3; test $3 != {SshdFixture.Address(2)}";

            var result = await group.RunAsync(command);

            var failure = Assert.Single(result.Failed);
            Assert.Equal(hosts[2], failure.Host);
            Assert.Equal($"run '{command}' on {hosts[2]} failed with exit code 1.", failure.Error);
            Assert.Equal(4, result.Succeeded.Count);

            var thrown = await Assert.ThrowsAsync<GroupFailedException>(() => group.RunAsync(command, throwOnFailure: true));
            Assert.Contains($"[{hosts[2]}] run '", thrown.Message, StringComparison.Ordinal);
            Assert.Equal(SshdFixture.HostCount, Directory.GetFiles(marker).Length);
        }
        finally
        {
            Directory.Delete(marker, recursive: true);
        }
    }

    [Fact(Timeout = Timeout)]
    public async Task For_each_runs_any_work_per_host_within_the_pool_and_dispose_closes_every_session()
    {
        var from = LibraryHosts.LogMark(sshd);
        string[] hosts = [.. Enumerable.Range(0, SshdFixture.HostCount).Select(i => LibraryHosts.Host(sshd, i))];
        var running = 0;
        var most = 0;
        var group = new Group(hosts, LibraryHosts.Options(sshd), poolSize: 2);
        try
        {
            var result = await group.ForEachAsync(async (connection, token) =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref most, now);
                try
                {
                    var who = await connection.RunAsync("whoami", cancellationToken: token);
                    await connection.RunAsync("sleep 0.3", cancellationToken: token);
                    return $"{who.Stdout}@{connection.Host}";
                }
                finally
                {
                    Interlocked.Decrement(ref running);
                }
            });

            Assert.True(result.AllSucceeded, result.Describe());
            Assert.Equal(hosts.Select(h => $"{SshdFixture.OpsUser}@{h}"), result.Select(r => r.Value));
            Assert.Equal(2, most);
            Assert.All(group.Connections, c => Assert.True(c.IsConnected));
        }
        finally
        {
            await group.DisposeAsync();
        }

        Assert.All(group.Connections, c => Assert.False(c.IsConnected));
        var clients = Enumerable.Range(0, SshdFixture.HostCount).SelectMany(i => LibraryHosts.ClientsSince(sshd, from, i)).ToList();
        Assert.Equal(SshdFixture.HostCount, clients.Count);
        Assert.Empty(await LibraryHosts.OpenAfterAsync(sshd, clients));
    }

    [Fact(Timeout = Timeout)]
    public async Task Output_of_all_hosts_goes_to_one_writer_in_whole_lines()
    {
        string[] hosts = [.. Enumerable.Range(0, SshdFixture.HostCount).Select(i => LibraryHosts.Host(sshd, i))];
        using var output = new StringWriter();
        await using (var group = new Group(hosts, LibraryHosts.Options(sshd, output)))
        {
            (await group.RunAsync("for i in 1 2 3; do echo line$i; done", throwOnFailure: true)).ThrowIfAnyFailed();
        }

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var host in hosts)
        {
            Assert.Equal([$"[{host}] out: line1", $"[{host}] out: line2", $"[{host}] out: line3"], lines.Where(l => l.StartsWith($"[{host}] out: ", StringComparison.Ordinal)));
            Assert.Contains($"Disconnecting from {host}... done.", lines);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }
}
