using System.Text.Json;
using System.Text.RegularExpressions;
using Fabric.EndToEnd.Tests.Infrastructure;

namespace Fabric.EndToEnd.Tests.Execution;

/// <summary><c>--log-file</c>: every line with time and task, hidden and debug lines too; as text or JSON.</summary>
[Collection(PrecedenceSuite.Name)]
public sealed partial class LogFileTests(PrecedenceFabfile fabfile) : IDisposable
{
    private readonly string _log = Path.Combine(Path.GetTempPath(), $"fab-log-{Guid.NewGuid():N}");

    [Fact]
    public async Task The_text_log_has_every_line_with_time_level_and_task_including_hidden_and_debug_ones()
    {
        var result = await fabfile.RunAsync("--log-file", _log, "--hide", "stdout", "-H", "h1", "task-a", "shell:command=echo logged-line");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("logged-line", result.StdoutLines.Where(l => l.Contains("out:", StringComparison.Ordinal)));
        var lines = File.ReadAllLines(_log);
        Assert.All(lines.Where(l => l.Length > 0), l => Assert.Matches(LogLine(), l));
        Assert.Contains(lines, l => l.EndsWith("[INF] [task-a] [h1] Executing task 'task-a'", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("[INF] [shell] [localhost] out: logged-line", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("[DBG]", StringComparison.Ordinal) && l.Contains("Task 'task-a': hosts from Env: h1.", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("[DBG]", StringComparison.Ordinal) && l.Contains("Loaded fabfile", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_json_log_has_one_object_a_line_with_host_task_and_kind()
    {
        var result = await fabfile.RunAsync("--log-file", _log, "--log-format", "json", "-H", "h1", "task-a", "aborts");

        Assert.Equal(1, result.ExitCode);
        var events = File.ReadAllLines(_log).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var executing = events.First(e => e.GetProperty("Properties").TryGetProperty("Kind", out var kind) && kind.GetString() == "Executing");
        Assert.Equal("h1", executing.GetProperty("Properties").GetProperty("Host").GetString());
        Assert.Equal("task-a", executing.GetProperty("Properties").GetProperty("Task").GetString());
        Assert.Contains(events, e => e.GetProperty("Level").GetString() == "Error"
            && e.GetProperty("Properties").GetProperty("Line").GetString()!.StartsWith("Fatal error: nothing to deploy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_log_format_is_a_usage_error()
    {
        var result = await fabfile.RunAsync("--log-file", _log, "--log-format", "xml", "task-a");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Invalid --log-format 'xml'", result.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(_log);

    [GeneratedRegex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} [+-]\d\d:\d\d \[(DBG|INF|WRN|ERR)\] \[[^\]]*\] ")]
    private static partial Regex LogLine();
}
