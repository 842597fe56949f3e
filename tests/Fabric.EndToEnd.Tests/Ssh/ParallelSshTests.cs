using Fabric.Engine.Execution;
using Fabric.Engine.Output;
using Fabric.Engine.Tasks;
using static Fabric.Api;

namespace Fabric.EndToEnd.Tests.Ssh;

/// <summary>Parallel runs through the real runner against the test sshd: one connection per host, every host reported.</summary>
[Collection(SshdGroup.Name)]
public sealed class ParallelSshTests(SshdFixture sshd)
{
    /// <summary>Nothing listens here: connecting is refused at once.</summary>
    private const string DeadAddress = "127.0.0.9";

    [Fact]
    public async Task A_parallel_run_on_ten_hosts_reports_every_host_over_one_connection_each()
    {
        var before = sshd.AcceptedPublicKeyLogins();
        var hosts = Enumerable.Range(0, SshdFixture.HostCount)
            .SelectMany(i => new[] { sshd.Host(i).Original, sshd.Host(i, SshdFixture.TestUser).Original }).ToList();

        var (exit, lines) = await RunAsync(["two-commands", "two-commands"], env => (env.Hosts, env.Parallel, env.PoolSize) = (hosts, true, 4));

        Assert.Equal(0, exit);
        foreach (var host in hosts)
        {
            var user = host.StartsWith(SshdFixture.TestUser + "@", StringComparison.Ordinal) ? SshdFixture.TestUser : SshdFixture.OpsUser;
            Assert.Equal(2, lines.Count(l => l == $"[{host}] out: {user} on {host.Split('@')[^1].Split(':')[0]}"));
            Assert.Equal(2, lines.Count(l => l == $"[{host}] out: second"));
        }

        Assert.Equal(hosts.Count, sshd.AcceptedPublicKeyLogins() - before);
        Assert.Equal("Done.", lines.SkipWhile(l => l != "Done.").First());
    }

    [Fact]
    public async Task Skip_bad_hosts_reports_the_dead_host_and_runs_on_the_other_four()
    {
        var hosts = new[] { sshd.Host(0).Original, sshd.Host(1).Original, $"{DeadAddress}:{sshd.Port}", sshd.Host(2).Original, sshd.Host(3).Original }.ToList();

        var (exit, lines) = await RunAsync(["two-commands"], env => (env.Hosts, env.Parallel, env.SkipBadHosts) = (hosts, true, true));

        Assert.Equal(0, exit);
        Assert.Contains(lines, l => l.StartsWith($"[{DeadAddress}:{sshd.Port}] Warning: Could not connect to {DeadAddress}:{sshd.Port}: connection refused.", StringComparison.Ordinal)
            && l.Contains("(Env.SkipBadHosts)", StringComparison.Ordinal));
        foreach (var host in hosts.Where(h => !h.StartsWith(DeadAddress, StringComparison.Ordinal)))
        {
            Assert.Contains($"[{host}] out: second", lines);
        }
    }

    [Fact]
    public async Task Without_skip_bad_hosts_a_dead_host_aborts_the_run_naming_it()
    {
        var hosts = new[] { sshd.Host(0).Original, $"{DeadAddress}:{sshd.Port}", sshd.Host(1).Original }.ToList();

        var (exit, lines) = await RunAsync(["two-commands"], env => (env.Hosts, env.Parallel) = (hosts, true));

        Assert.Equal(1, exit);
        var fatal = Assert.Single(lines, l => l.StartsWith("Fatal error:", StringComparison.Ordinal));
        Assert.Contains($"[{DeadAddress}:{sshd.Port}] Could not connect to {DeadAddress}:{sshd.Port}: connection refused.", fatal, StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, IReadOnlyList<string> Lines)> RunAsync(string[] tokens, Action<EnvState> configure)
    {
        var sink = new CollectingOutputSink();
        var table = TaskDiscovery.Discover([typeof(Tasks)]);
        var context = new RunContext(sink) { Ssh = sshd.Options(), Tasks = table };
        context.Env.User = SshdFixture.OpsUser; // as -u does
        configure(context.Env);
        var outcome = await new Runner(context).RunAsync(RunPlanner.Plan(table, tokens), ended => sink.Write(Fabric.Tool.Console.RunEndingLine.Of(ended)));
        return (Fabric.Tool.ExitCodes.Of(outcome), sink.Text);
    }

    public static class Tasks
    {
        public static void TwoCommands()
        {
            Run("echo \"$(id -un) on $(echo $SSH_CONNECTION | cut -d' ' -f3)\"");
            Run("echo second");
        }
    }
}
