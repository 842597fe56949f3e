using System.Text.Json;
using Fabric.Engine;
using Fabric.Engine.Execution;
using Fabric.Tool;
using Fabric.Tool.Console;

namespace Fabric.Tests.Tool.Console;

public class RunResultsTests
{
    private static RunSummary.Row Row(string task, string? host, RunStatus status, double seconds = 1.5, string? error = null) =>
        new(task, host, status, error, TimeSpan.FromSeconds(seconds));

    [Fact]
    public void The_file_holds_the_exit_code_and_one_object_per_task_and_host()
    {
        var results = new RunResults(1, [Row("deploy", "web1", RunStatus.Ok, 2.25), Row("deploy", "web2", RunStatus.Failed, 0.5, "boom"), Row("notify", null, RunStatus.NotStarted, error: "not reached")]);

        using var json = JsonDocument.Parse(results.ToJson());

        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("exitCode").GetInt32());
        var rows = root.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(["task", "host", "status", "seconds", "error"], rows[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(("deploy", "web1", "ok", 2.25), (rows[0].GetProperty("task").GetString(), rows[0].GetProperty("host").GetString(), rows[0].GetProperty("status").GetString(), rows[0].GetProperty("seconds").GetDouble()));
        Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("error").ValueKind);
        Assert.Equal(("failed", "boom"), (rows[1].GetProperty("status").GetString(), rows[1].GetProperty("error").GetString()));
        Assert.Equal(JsonValueKind.Null, rows[2].GetProperty("host").ValueKind);
        Assert.Equal(("not started", 0.0), (rows[2].GetProperty("status").GetString(), rows[2].GetProperty("seconds").GetDouble()));
    }

    [Fact]
    public void A_file_read_back_gives_the_same_rows()
    {
        var written = new RunResults(0, [Row("a", "h1", RunStatus.Ok, 3), Row("b", null, RunStatus.Skipped, error: "every host excluded"), Row("c", "h2", RunStatus.CutShort, 1)]);

        var read = RunResults.Parse(written.ToJson(), "x.json");

        Assert.Equal(0, read.ExitCode);
        Assert.Equal(
            written.Rows.Select(r => (r.Task, r.Host, r.Status, r.Duration, r.Error)),
            read.Rows.Select(r => (r.Task, r.Host, r.Status, r.Duration, r.Error)));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("""{"exitCode": 0, "results": [{"task": "a", "host": null, "status": "great"}]}""")]
    public void Anything_else_is_a_usage_error_naming_the_file(string text)
    {
        var e = Assert.Throws<FabricUsageException>(() => RunResults.Parse(text, "part2.json"));

        Assert.StartsWith("'part2.json' is not a results file", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 0, 0, 0 }, 0)]
    [InlineData(new[] { 0, 1, 0 }, 1)]
    [InlineData(new[] { 1, 130, 0 }, 130)]
    [InlineData(new[] { 2, 2 }, 2)]
    [InlineData(new[] { 0, 2 }, 1)]
    [InlineData(new[] { 2, 130 }, 130)]
    public void Merged_parts_exit_as_the_worst_of_them_and_usage_only_if_all_were(int[] codes, int expected)
    {
        Assert.Equal(expected, RunResults.Merge([.. codes.Select(c => new RunResults(c, []))]).ExitCode);
    }

    [Fact]
    public void Merged_parts_keep_every_row_in_the_order_of_the_files()
    {
        var merged = RunResults.Merge([new RunResults(0, [Row("a", "h1", RunStatus.Ok)]), new RunResults(0, [Row("a", "h2", RunStatus.Ok), Row("b", "h2", RunStatus.Ok)])]);

        Assert.Equal(["h1", "h2", "h2"], merged.Rows.Select(r => r.Host));
    }
}
