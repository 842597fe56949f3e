using Fabric.Engine.Execution;
using Fabric.Tool.Console;

namespace Fabric.Tests.Tool.Console;

public sealed class ParallelProgressLineTests
{
    private const string Erase = "\r\u001b[2K";

    [Fact]
    public void The_line_counts_done_failed_skipped_and_running_hosts()
    {
        Assert.Equal("[ deploy: 12/50 done, 1 failed, 8 running ]", ParallelProgressLine.Text("deploy", 50, 12, 1, 0, 8));
        Assert.Equal("[ deploy: 3/5 done, 0 failed, 2 skipped, 2 running ]", ParallelProgressLine.Text("deploy", 5, 3, 0, 2, 2));
    }

    [Fact]
    public void Hosts_starting_and_ending_update_the_status_and_the_end_of_the_task_erases_it()
    {
        var time = new FakeTime();
        using var output = new StringWriter();
        using var terminal = new TerminalStatusLine(output, TextWriter.Null, interactive: true, time);
        var progress = new ParallelProgressLine(terminal);

        var second = TimeSpan.FromSeconds(1);
        var hosts = progress.Begin("deploy", 3);
        time.Advance(second);
        hosts.Started();
        time.Advance(second);
        hosts.Started();
        time.Advance(second);
        hosts.Ended(RunStatus.Failed);
        time.Advance(second);
        hosts.Ended(RunStatus.Ok);
        time.Advance(second);
        hosts.Dispose();

        Assert.Equal(
            "[ deploy: 0/3 done, 0 failed, 0 running ]"
            + Erase + "[ deploy: 0/3 done, 0 failed, 1 running ]"
            + Erase + "[ deploy: 0/3 done, 0 failed, 2 running ]"
            + Erase + "[ deploy: 1/3 done, 1 failed, 1 running ]"
            + Erase + "[ deploy: 2/3 done, 1 failed, 0 running ]"
            + Erase,
            output.ToString());
    }

    [Fact]
    public void A_nested_parallel_task_does_not_replace_the_outer_ones_line()
    {
        var time = new FakeTime();
        using var output = new StringWriter();
        using var terminal = new TerminalStatusLine(output, TextWriter.Null, interactive: true, time);
        var progress = new ParallelProgressLine(terminal);
        using var outer = progress.Begin("outer", 4);
        outer.Started();

        time.Advance(TimeSpan.FromSeconds(1));
        using var inner = progress.Begin("inner", 2);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.EndsWith(Erase + "[ outer: 0/4 done, 0 failed, 1 running ]", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("inner", output.ToString(), StringComparison.Ordinal);
    }
}
