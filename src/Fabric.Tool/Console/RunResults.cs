using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Fabric.Engine;
using Fabric.Engine.Execution;

namespace Fabric.Tool.Console;

/// <summary>
/// A run's outcome as a file (<c>--results-json</c>): its exit code and the run summary's rows (task, host, status,
/// seconds, error). Several such files, one per shard, merge (<c>--merge-results</c>) into the summary and exit code the
/// whole run would have had.
/// </summary>
/// <param name="ExitCode">The run's exit code.</param>
/// <param name="Rows">The summary's rows, in order.</param>
internal sealed record RunResults(int ExitCode, IReadOnlyList<RunSummary.Row> Rows)
{
    /// <summary>The file's text: <c>{"exitCode": 1, "results": [{"task", "host", "status", "seconds", "error"}, …]}</c>.</summary>
    /// <remarks>
    /// <c>host</c> is null for a local-only task; <c>status</c> is <c>ok</c>, <c>failed</c>, <c>skipped</c>,
    /// <c>cut short</c> or <c>not started</c>, as in the summary; <c>error</c> is null when there is none.
    /// </remarks>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("exitCode", ExitCode);
            json.WriteStartArray("results");
            foreach (var row in Rows)
            {
                json.WriteStartObject();
                json.WriteString("task", row.Task);
                json.WriteString("host", row.Host);
                json.WriteString("status", StatusText(row.Status));
                json.WriteNumber("seconds", Math.Round(row.Duration.TotalSeconds, 3));
                json.WriteString("error", row.Error);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + System.Environment.NewLine;
    }

    /// <summary>Reads a results file's text back; <paramref name="name"/> names it in errors.</summary>
    /// <exception cref="FabricUsageException">Not a results file, naming it and what is wrong.</exception>
    public static RunResults Parse(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var rows = root.GetProperty("results").EnumerateArray().Select(r => new RunSummary.Row(
                r.GetProperty("task").GetString() ?? throw new FormatException("a result has no task"),
                r.GetProperty("host").GetString(),
                ParseStatus(r.GetProperty("status").GetString()),
                r.TryGetProperty("error", out var error) ? error.GetString() : null,
                TimeSpan.FromSeconds(r.TryGetProperty("seconds", out var seconds) ? seconds.GetDouble() : 0))).ToList();
            return new RunResults(root.GetProperty("exitCode").GetInt32(), rows);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new FabricUsageException($"'{name}' is not a results file of 'dotnet fab --results-json': {e.Message.Split('\n')[0].TrimEnd()}");
        }
    }

    /// <summary>
    /// The parts of one run, run apart (shards): their rows one after another, and the exit code the whole run would have
    /// had — interrupted (130) if any part was, else aborted (1) if any part failed, else 0; a usage error (2) only if
    /// every part was one (a part that stopped on one alone counts as a failure of the whole).
    /// </summary>
    public static RunResults Merge(IReadOnlyList<RunResults> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var codes = parts.Select(p => p.ExitCode).ToList();
        var exitCode = codes.Count == 0 ? ExitCodes.Ok
            : codes.All(c => c == ExitCodes.Usage) ? ExitCodes.Usage
            : codes.Contains(ExitCodes.Interrupted) ? ExitCodes.Interrupted
            : codes.Any(c => c != ExitCodes.Ok) ? ExitCodes.Aborted
            : ExitCodes.Ok;
        return new RunResults(exitCode, [.. parts.SelectMany(p => p.Rows)]);
    }

    /// <summary>A status as the summary and the results file write it.</summary>
    public static string StatusText(RunStatus status) => status switch
    {
        RunStatus.Ok => "ok",
        RunStatus.Failed => "failed",
        RunStatus.Skipped => "skipped",
        RunStatus.CutShort => "cut short",
        _ => "not started",
    };

    private static RunStatus ParseStatus(string? text) =>
        Enum.GetValues<RunStatus>().Where(s => StatusText(s) == text).Select(s => (RunStatus?)s).FirstOrDefault()
            ?? throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"unknown status '{text}'"));
}
