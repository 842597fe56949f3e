using Fabric.EndToEnd.Tests.Infrastructure;

namespace Fabric.EndToEnd.Tests.Execution;

/// <summary>The summary at the end of a run with several tasks or hosts, through the real tool (output piped: plain).</summary>
[Collection(PrecedenceSuite.Name)]
public sealed class RunSummaryTests(PrecedenceFabfile fabfile)
{
    [Fact]
    public async Task A_serial_run_with_a_failure_among_five_hosts_shows_ok_failed_and_not_started()
    {
        var result = await fabfile.RunAsync("-H", "h1,h2,h3,h4,h5", "fail-on:h3", "task-a");

        Assert.Equal(1, result.ExitCode);
        var table = Summary(result);
        Assert.Matches(@"^  fail-on  h1    ok +\d+\.\d s$", table[1]);
        Assert.Matches(@"^  fail-on  h2    ok +\d+\.\d s$", table[2]);
        Assert.Matches(@"^  fail-on  h3    failed +\d+\.\d s  task 'fail-on' on h3 threw InvalidOperationException: refused on h3", table[3]);
        Assert.Equal("  fail-on  h4    not started", table[4]);
        Assert.Equal("  fail-on  h5    not started", table[5]);
        Assert.Equal("  task-a   -     not started         not reached", table[6]);
        Assert.Equal("  2 ok, 1 failed, 3 not started.", table[7]);
        Assert.DoesNotContain('\u001b', result.Stdout);
    }

    [Fact]
    public async Task A_parallel_run_lists_every_host_in_host_order_and_starts_none_after_a_failure()
    {
        var result = await fabfile.RunAsync("-P", "-H", "h1,h2,h3,h4,h5", "fail-on:h3");

        Assert.Equal(1, result.ExitCode);
        var table = Summary(result);
        Assert.Equal(["h1", "h2", "h3", "h4", "h5"], table[1..6].Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]));
        var statuses = table[1..6].Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2]).ToList();
        Assert.Equal(["ok", "ok", "failed"], statuses[..3]);
        // Hosts started before h3 failed finish their task; none starts after it: h4 and h5 are one or the other.
        Assert.All(statuses[3..], s => Assert.Contains(s, new[] { "ok", "not" }));
        Assert.Contains("1 failed", table[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_single_task_on_a_single_host_prints_no_summary()
    {
        var result = await fabfile.RunAsync("-H", "h1", "task-a");

        Assert.DoesNotContain("Summary:", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Skipped_tasks_are_in_the_summary()
    {
        var result = await fabfile.RunAsync("-H", "h1", "-x", "h1", "task-a", "task-b:hosts=h2");

        Assert.Equal(0, result.ExitCode);
        var table = Summary(result);
        Assert.Equal("  task-a  -     skipped         every host excluded", table[1]);
        Assert.Matches(@"^  task-b  h2    ok +\d+\.\d s$", table[2]);
    }

    private static string[] Summary(FabResult result)
    {
        var lines = result.StdoutLines;
        var start = Array.IndexOf(lines, "Summary:");
        Assert.True(start >= 0, result.ToString());
        return lines[(start + 1)..];
    }
}
