using System.Globalization;
using Fabric.Engine.Execution;

namespace Fabric.Tool.Console;

/// <summary>
/// The table at the end of a run with more than one task or host: task, host, status (ok, failed, skipped, cut short,
/// not started), duration, and the first line of the error: plain, or with the status in colour (the
/// <see cref="ConsoleRenderer"/> decides which it shows).
/// </summary>
internal static class RunSummaryPrinter
{
    private const string Reset = "\u001b[0m";

    /// <summary>The table's lines (none when the run had a single task on a single host).</summary>
    public static IReadOnlyList<string> Lines(IReadOnlyList<RunSummary.Row> rows, bool colour)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count <= 1)
        {
            return [];
        }

        var cells = rows.Select(r => (Task: r.Task, Host: r.Host ?? "-", Status: Text(r.Status), Time: Time(r), Error: r.Error ?? "")).ToList();
        var (task, host, status, time) = (
            Math.Max(4, cells.Max(c => c.Task.Length)),
            Math.Max(4, cells.Max(c => c.Host.Length)),
            Math.Max(6, cells.Max(c => c.Status.Length)),
            Math.Max(4, cells.Max(c => c.Time.Length)));
        var lines = new List<string>
        {
            "",
            "Summary:",
            $"  {"task".PadRight(task)}  {"host".PadRight(host)}  {"status".PadRight(status)}  {"time".PadLeft(time)}  error".TrimEnd(),
        };
        for (var i = 0; i < rows.Count; i++)
        {
            var c = cells[i];
            var shownStatus = colour ? Colour(rows[i].Status) + c.Status + Reset + new string(' ', status - c.Status.Length) : c.Status.PadRight(status);
            lines.Add($"  {c.Task.PadRight(task)}  {c.Host.PadRight(host)}  {shownStatus}  {c.Time.PadLeft(time)}  {c.Error}".TrimEnd());
        }

        var counts = rows.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {Text(g.Key)}");
        lines.Add($"  {string.Join(", ", counts)}.");
        return lines;
    }

    private static string Text(RunStatus status) => RunResults.StatusText(status);

    private static string Colour(RunStatus status) => status switch
    {
        RunStatus.Ok => "\u001b[32m",
        RunStatus.Failed or RunStatus.CutShort => "\u001b[31m",
        RunStatus.Skipped => "\u001b[33m",
        _ => "\u001b[90m",
    };

    private static string Time(RunSummary.Row row) =>
        row.Status is RunStatus.NotStarted or RunStatus.Skipped ? "" : row.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
