using Fabric.Engine.Execution;
using Fabric.Engine.Output;
using Fabric.Tool.Console;

namespace Fabric.Tests.Tool.Console;

/// <summary>
/// What the console shows for each outcome of a run, as the engine reports it (its output lines, then the summary's
/// rows): exact text on stdout and stderr, with colour (ANSI codes in the summary's status column) and without.
/// </summary>
public sealed class RunOutcomeRenderingTests
{
    private const string Green = "\u001b[32m";
    private const string Red = "\u001b[31m";
    private const string Yellow = "\u001b[33m";
    private const string Grey = "\u001b[90m";
    private const string Reset = "\u001b[0m";

    private static readonly string Failure = "run 'false' on h2 failed with exit code 1";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_run_that_succeeded_shows_its_lines_done_and_every_row_ok(bool colour)
    {
        var (stdout, stderr) = Render(
            colour,
            [.. Ran("h1", "up 3 days"), .. Ran("h2", "up 1 day"), Ending(RunEnding.Completed), Status("Disconnecting from h1... done."), Status("Disconnecting from h2... done.")],
            [Row("h1", RunStatus.Ok, 1.2), Row("h2", RunStatus.Ok, 0.5)]);

        Assert.Equal(
            Lines(
                "[h1] Executing task 'deploy'",
                "[h1] run: uptime",
                "[h1] out: up 3 days",
                "[h2] Executing task 'deploy'",
                "[h2] run: uptime",
                "[h2] out: up 1 day",
                "Done.",
                "Disconnecting from h1... done.",
                "Disconnecting from h2... done.",
                "",
                "Summary:",
                "  task    host  status   time  error",
                $"  deploy  h1    {Paint(colour, Green, "ok")}      1.2 s",
                $"  deploy  h2    {Paint(colour, Green, "ok")}      0.5 s",
                "  2 ok."),
            stdout);
        Assert.Equal("", stderr);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_run_that_failed_on_one_host_under_warn_only_warns_on_stderr_and_goes_on(bool colour)
    {
        var (stdout, stderr) = Render(
            colour,
            [.. Ran("h1", "up 3 days"), Executing("h2"), Command("h2", "run: false"), Warning("h2", Failure), Ending(RunEnding.Completed)],
            [Row("h1", RunStatus.Ok, 1.2), Row("h2", RunStatus.Ok, 0.2)]);

        Assert.Equal(
            Lines(
                "[h1] Executing task 'deploy'",
                "[h1] run: uptime",
                "[h1] out: up 3 days",
                "[h2] Executing task 'deploy'",
                "[h2] run: false",
                "Done.",
                "",
                "Summary:",
                "  task    host  status   time  error",
                $"  deploy  h1    {Paint(colour, Green, "ok")}      1.2 s",
                $"  deploy  h2    {Paint(colour, Green, "ok")}      0.2 s",
                "  2 ok."),
            stdout);
        Assert.Equal(Lines($"[h2] Warning: {Failure}"), stderr);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_run_aborted_by_a_failure_on_one_host_shows_the_fatal_error_on_stderr_and_the_failed_row(bool colour)
    {
        var (stdout, stderr) = Render(
            colour,
            [.. Ran("h1", "up 3 days"), Executing("h2"), Command("h2", "run: false"),
                Ending(RunEnding.Aborted, Failure),
                Status("Disconnecting from h1... done.")],
            [Row("h1", RunStatus.Ok, 1.2), Row("h2", RunStatus.Failed, 0.2, Failure), new RunSummary.Row("restart", null, RunStatus.NotStarted, "not reached")]);

        Assert.Equal(
            Lines(
                "[h1] Executing task 'deploy'",
                "[h1] run: uptime",
                "[h1] out: up 3 days",
                "[h2] Executing task 'deploy'",
                "[h2] run: false",
                "Disconnecting from h1... done.",
                "",
                "Summary:",
                "  task     host  status        time  error",
                $"  deploy   h1    {Paint(colour, Green, "ok")}           1.2 s",
                $"  deploy   h2    {Paint(colour, Red, "failed")}       0.2 s  {Failure}",
                $"  restart  -     {Paint(colour, Grey, "not started")}         not reached",
                "  1 ok, 1 failed, 1 not started."),
            stdout);
        Assert.Equal(Lines($"Fatal error: {Failure}", "", "Aborting."), stderr);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_interrupted_run_shows_interrupted_and_the_rows_cut_short_or_not_started(bool colour)
    {
        var (stdout, stderr) = Render(
            colour,
            [Executing("h1"), Command("h1", "run: sleep 60"), Ending(RunEnding.Interrupted), Status("Disconnecting from h1... done.")],
            [Row("h1", RunStatus.CutShort, 2), Row("h2", RunStatus.NotStarted, 0)]);

        Assert.Equal(
            Lines(
                "[h1] Executing task 'deploy'",
                "[h1] run: sleep 60",
                "Disconnecting from h1... done.",
                "",
                "Summary:",
                "  task    host  status        time  error",
                $"  deploy  h1    {Paint(colour, Red, "cut short")}    2.0 s",
                $"  deploy  h2    {Paint(colour, Grey, "not started")}",
                "  1 cut short, 1 not started."),
            stdout);
        Assert.Equal(Lines("Fatal error: Interrupted."), stderr);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_run_with_nothing_run_warns_of_each_skipped_task_and_shows_them_skipped(bool colour)
    {
        var (stdout, stderr) = Render(
            colour,
            [Warning(null, "Skipping task 'deploy': every host of its list was excluded (h1)."),
                Warning(null, "Skipping task 'restart': every host of its list was excluded (h1)."), Ending(RunEnding.Completed)],
            [new RunSummary.Row("deploy", null, RunStatus.Skipped, "every host excluded"), new RunSummary.Row("restart", null, RunStatus.Skipped, "every host excluded")]);

        Assert.Equal(
            Lines(
                "Done.",
                "",
                "Summary:",
                "  task     host  status   time  error",
                $"  deploy   -     {Paint(colour, Yellow, "skipped")}        every host excluded",
                $"  restart  -     {Paint(colour, Yellow, "skipped")}        every host excluded",
                "  2 skipped."),
            stdout);
        Assert.Equal(
            Lines(
                "Warning: Skipping task 'deploy': every host of its list was excluded (h1).",
                "Warning: Skipping task 'restart': every host of its list was excluded (h1)."),
            stderr);
    }

    [Fact]
    public void Without_colour_no_escape_code_is_written_and_with_it_only_the_summary_has_any()
    {
        OutputEvent[] events = [.. Ran("h1", "up"), Warning("h1", "careful"), Ending(RunEnding.Completed)];
        RunSummary.Row[] rows = [Row("h1", RunStatus.Ok, 1), Row("h2", RunStatus.Failed, 1, Failure)];

        var plain = Render(colour: false, events, rows);
        var coloured = Render(colour: true, events, rows);

        Assert.DoesNotContain('\u001b', plain.Stdout + plain.Stderr);
        Assert.Equal(plain.Stderr, coloured.Stderr);
        var before = coloured.Stdout[..coloured.Stdout.IndexOf("Summary:", StringComparison.Ordinal)];
        Assert.Equal(plain.Stdout[..before.Length], before);
        Assert.Contains('\u001b', coloured.Stdout[before.Length..]);
    }

    /// <summary>The engine's lines, then (as the tool does) the status line gone and the summary's rows.</summary>
    private static (string Stdout, string Stderr) Render(bool colour, IEnumerable<OutputEvent> events, IReadOnlyList<RunSummary.Row> rows)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using (var terminal = new TerminalStatusLine(stdout, stderr, interactive: false))
        {
            using var console = new ConsoleRenderer(terminal, settings: new ConsoleSettings(Colour: colour));
            foreach (var line in events)
            {
                console.Write(line);
            }

            terminal.Dispose();
            console.Summary(rows);
        }

        return (stdout.ToString(), stderr.ToString());
    }

    private static string Paint(bool colour, string code, string status) => colour ? code + status + Reset : status;

    private static string Lines(params string[] lines) => string.Concat(lines.Select(l => l + "\n"));

    private static OutputEvent[] Ran(string host, string output) =>
        [Executing(host), Command(host, "run: uptime"), new OutputEvent(OutputKind.Stdout, host, output)];

    private static OutputEvent Executing(string host) => new(OutputKind.Executing, host, "deploy");

    private static OutputEvent Command(string host, string text) => new(OutputKind.Command, host, text);

    private static OutputEvent Warning(string? host, string text) => new(OutputKind.Warning, host, text);

    private static OutputEvent Status(string text) => new(OutputKind.Status, null, text);

    /// <summary>The closing line the tool writes for a run that ended so (<see cref="RunEndingLine"/>).</summary>
    private static OutputEvent Ending(RunEnding ending, string? failure = null) => RunEndingLine.Of(new RunOutcome(ending, failure, []));

    private static RunSummary.Row Row(string host, RunStatus status, double seconds, string? error = null) =>
        new("deploy", host, status, error, TimeSpan.FromSeconds(seconds));
}
