using System.Diagnostics;
using Fabric.EndToEnd.Tests.Infrastructure;

namespace Fabric.EndToEnd.Tests.Execution;

/// <summary>Ctrl-C (SIGINT) sent to the real tool in the middle of a run.</summary>
[Collection(PrecedenceSuite.Name)]
public sealed class InterruptTests
{
    [Fact]
    public async Task Ctrl_C_stops_a_serial_run_reports_finished_cut_short_and_not_started_hosts_and_exits_130()
    {
        var (exitCode, stdout, _) = await RunAndInterrupt(
            ["-H", "h1,h2,h3", "task-a", "shell:command=sleep 30", "task-b"], "[localhost] local: sleep 30", signals: 1);

        Assert.Equal(130, exitCode);
        Assert.Contains("  task-a  h1    ok", stdout, StringComparison.Ordinal);
        Assert.Contains("  shell   h1    cut short", stdout, StringComparison.Ordinal);
        Assert.Contains("  shell   h2    not started", stdout, StringComparison.Ordinal);
        Assert.Contains("  task-b  -     not started", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("[h2] Executing task 'shell'", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_Ctrl_C_exits_at_once_even_when_a_task_ignores_the_first()
    {
        var clock = Stopwatch.StartNew();
        var (exitCode, _, _) = await RunAndInterrupt(["stubborn"], "stubborn started", signals: 2);

        Assert.Equal(130, exitCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(50), "the task sleeps a minute: only the second Ctrl-C can have ended it");
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAndInterrupt(string[] args, string waitFor, int signals)
    {
        using var fab = FabProcess.Start(["-f", PrecedenceFabfile.Folder, .. args]);
        await fab.WaitForAsync(waitFor);
        for (var i = 0; i < signals; i++)
        {
            await fab.InterruptAsync();
            await Task.Delay(300);
        }

        var result = await fab.WaitForExitAsync(TimeSpan.FromMinutes(1));
        return (result.ExitCode, result.Stdout, result.Stderr);
    }
}
