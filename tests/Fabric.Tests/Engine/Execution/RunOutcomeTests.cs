using Fabric.Engine.Execution;
using Fabric.Engine.Output;
using Fabric.Engine.Tasks;
using Fabric.Tests.Engine.Remote;
using static Fabric.Api;

namespace Fabric.Tests.Engine.Execution;

/// <summary>
/// What the runner returns for each way a run ends — fail fast, warn-only, skip-bad-hosts, interrupted — on fake hosts,
/// with no console: the outcome says it all, and the engine prints no closing line of its own.
/// </summary>
public class RunOutcomeTests
{
    private static readonly string[] Web = ["deploy@web1", "deploy@web2", "deploy@web3"];

    [Fact(Timeout = 30_000)]
    public async Task A_failure_stops_the_run_at_once_and_the_outcome_names_it()
    {
        var hosts = Failing("deploy@web2");

        var (outcome, sink) = await RunAsync(hosts, ["deploy", "restart"]);

        Assert.Equal(RunEnding.Aborted, outcome.Ending);
        Assert.Contains("deploy@web2", outcome.Failure, StringComparison.Ordinal);
        Assert.Contains("'./deploy.sh'", outcome.Failure, StringComparison.Ordinal);
        Assert.Equal(
            ["deploy deploy@web1 Ok", "deploy deploy@web2 Failed", "deploy deploy@web3 NotStarted", "restart - NotStarted"],
            Rows(outcome));
        Assert.DoesNotContain(hosts["deploy@web1"].Commands, c => c.Request.CommandLine!.Contains("restart", StringComparison.Ordinal));
        Assert.DoesNotContain(sink.Text, l => l.Contains("Aborting", StringComparison.Ordinal) || l.Contains("Done.", StringComparison.Ordinal));
    }

    [Fact(Timeout = 30_000)]
    public async Task Under_warn_only_a_failure_warns_and_the_run_completes_on_every_host()
    {
        var hosts = Failing("deploy@web2");

        var (outcome, sink) = await RunAsync(hosts, ["deploy", "restart"], env => env.WarnOnly = true);

        Assert.Equal(RunEnding.Completed, outcome.Ending);
        Assert.Null(outcome.Failure);
        Assert.All(outcome.Rows, r => Assert.Equal(RunStatus.Ok, r.Status));
        Assert.Equal(6, outcome.Rows.Count);
        Assert.Contains(sink.Text, l => l.StartsWith("[deploy@web2] Warning:", StringComparison.Ordinal));
    }

    [Fact(Timeout = 30_000)]
    public async Task Under_skip_bad_hosts_an_unreachable_host_is_skipped_in_every_task_and_the_run_completes()
    {
        var hosts = new FakeRemoteHosts();
        hosts.Unreachable.Add("deploy@web2");

        var (outcome, _) = await RunAsync(hosts, ["deploy", "restart"], env => env.SkipBadHosts = true);

        Assert.Equal(RunEnding.Completed, outcome.Ending);
        Assert.Equal(
            ["deploy deploy@web1 Ok", "deploy deploy@web2 Skipped", "deploy deploy@web3 Ok", "restart deploy@web1 Ok", "restart deploy@web2 Skipped", "restart deploy@web3 Ok"],
            Rows(outcome));
        Assert.Equal(1, hosts.UnreachableAttempts);
        Assert.Contains("unreachable", outcome.Rows.Single(r => r is { Task: "restart", Host: "deploy@web2" }).Error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task Without_skip_bad_hosts_an_unreachable_host_aborts_the_run()
    {
        var hosts = new FakeRemoteHosts();
        hosts.Unreachable.Add("deploy@web2");

        var (outcome, _) = await RunAsync(hosts, ["deploy"]);

        Assert.Equal(RunEnding.Aborted, outcome.Ending);
        Assert.Contains("Could not connect to deploy@web2: connection refused.", outcome.Failure, StringComparison.Ordinal);
        Assert.Equal(["deploy deploy@web1 Ok", "deploy deploy@web2 Failed", "deploy deploy@web3 NotStarted"], Rows(outcome));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_cancelled_run_ends_interrupted_and_starts_no_further_host()
    {
        using var cancel = new CancellationTokenSource();
        var hosts = new FakeRemoteHosts();
        hosts.Script = async command =>
        {
            if (command.Request.CommandLine!.Contains("deploy.sh", StringComparison.Ordinal) && hosts.Count == 2)
            {
                await cancel.CancelAsync();
                await Task.Delay(Timeout.Infinite, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { });
            }

            return 0;
        };

        var (outcome, sink) = await RunAsync(hosts, ["deploy", "restart"], cancellation: cancel.Token);

        Assert.Equal(RunEnding.Interrupted, outcome.Ending);
        Assert.Null(outcome.Failure);
        Assert.Equal(2, hosts.Count);
        Assert.Equal(RunStatus.Ok, outcome.Rows[0].Status);
        Assert.DoesNotContain(outcome.Rows, r => r.Host == "deploy@web3" && r.Status == RunStatus.Ok);
        Assert.DoesNotContain(sink.Text, l => l.Contains("Interrupted", StringComparison.Ordinal));
    }

    private static FakeRemoteHosts Failing(string host)
    {
        var hosts = new FakeRemoteHosts();
        hosts.Scripts[host] = command => Task.FromResult(command.Request.CommandLine!.Contains("deploy.sh", StringComparison.Ordinal) ? 1 : 0);
        return hosts;
    }

    private static string[] Rows(RunOutcome outcome) => [.. outcome.Rows.Select(r => $"{r.Task} {r.Host ?? "-"} {r.Status}")];

    private static async Task<(RunOutcome Outcome, CollectingOutputSink Sink)> RunAsync(
        FakeRemoteHosts hosts, string[] tokens, Action<EnvState>? configure = null, CancellationToken cancellation = default)
    {
        var sink = new CollectingOutputSink();
        var table = TaskDiscovery.Discover([typeof(Tasks)]);
        var context = new RunContext(sink) { Tasks = table, RemoteHosts = hosts, Cancellation = cancellation };
        context.Env.UseSshConfig = false;
        context.Env.Hosts = [.. Web];
        configure?.Invoke(context.Env);
        var outcome = await new Runner(context).RunAsync(RunPlanner.Plan(table, tokens));
        return (outcome, sink);
    }

    public static class Tasks
    {
        public static void Deploy() => Run("./deploy.sh");

        public static void Restart() => Run("systemctl restart app");
    }
}
