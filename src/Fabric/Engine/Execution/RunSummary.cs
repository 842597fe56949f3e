using System.Diagnostics;

namespace Fabric.Engine.Execution;

/// <summary>
/// One row per task and host of a run, in the order they started (rows for hosts that never started follow their
/// task's): what the summary at the end of the run shows, and what an interrupted run reports. Thread-safe.
/// </summary>
public sealed class RunSummary
{
    private readonly List<Row> _rows = [];

    /// <summary>The rows so far, in order.</summary>
    public IReadOnlyList<Row> Rows
    {
        get
        {
            lock (_rows)
            {
                return [.. _rows];
            }
        }
    }

    /// <summary>A run of <paramref name="task"/> on <paramref name="host"/> (null: locally) begins; finish it with <see cref="Row.End"/>.</summary>
    /// <remarks>Until it ends, the row says <see cref="RunStatus.CutShort"/>: what it is if the run stops meanwhile.</remarks>
    internal Row Start(string task, string? host) => Add(new Row(task, host, RunStatus.CutShort, null));

    /// <summary>A task's run on a host that ended without running: skipped, or never started.</summary>
    internal void Record(string task, string? host, RunStatus status, string? reason = null) => Add(new Row(task, host, status, reason));

    /// <summary>How many rows there are: a mark to pass to <see cref="Complete"/>.</summary>
    internal int Count
    {
        get
        {
            lock (_rows)
            {
                return _rows.Count;
            }
        }
    }

    /// <summary>
    /// Ends a task's fan-out over <paramref name="hosts"/> that began at row <paramref name="mark"/>: adds a
    /// <see cref="RunStatus.NotStarted"/> row for each host that has none, and puts the task's rows in host-list order
    /// (parallel hosts finish, and start their bodies, in any order).
    /// </summary>
    internal void Complete(string task, IReadOnlyList<string> hosts, int mark)
    {
        lock (_rows)
        {
            var slots = Enumerable.Range(mark, _rows.Count - mark).Where(i => _rows[i].Task == task).ToList();
            var mine = slots.Select(i => _rows[i]).ToList();
            var seen = mine.Select(r => r.Host).ToHashSet(StringComparer.Ordinal);
            var missing = hosts.Where(h => !seen.Contains(h)).Select(h => new Row(task, h, RunStatus.NotStarted, null)).ToList();
            var order = hosts.Select((h, i) => (h, i)).ToDictionary(p => p.h, p => p.i, StringComparer.Ordinal);
            var sorted = mine.OrderBy(r => r.Host is { } h && order.TryGetValue(h, out var i) ? i : int.MaxValue).ToList();
            for (var k = 0; k < slots.Count; k++)
            {
                _rows[slots[k]] = sorted[k];
            }

            _rows.AddRange(missing);
        }
    }

    /// <summary>Re-marks the last row of <paramref name="task"/> on <paramref name="host"/> (a failure turned into a skip).</summary>
    internal void Remark(string task, string host, RunStatus status, string reason)
    {
        lock (_rows)
        {
            _rows.LastOrDefault(r => r.Task == task && r.Host == host)?.End(status, reason);
        }
    }

    private Row Add(Row row)
    {
        lock (_rows)
        {
            _rows.Add(row);
        }

        return row;
    }

    /// <summary>One task on one host.</summary>
    /// <param name="task">The task's name.</param>
    /// <param name="host">The host string, or null: locally.</param>
    /// <param name="status">How it stands.</param>
    /// <param name="error">Its error, or why it was skipped.</param>
    /// <param name="recorded">How long it ran, for a row read back from a results file; null: timed from now.</param>
    public sealed class Row(string task, string? host, RunStatus status, string? error, TimeSpan? recorded = null)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        /// <summary>The task's name.</summary>
        public string Task { get; } = task;

        /// <summary>The host string, as written; null: the task ran locally.</summary>
        public string? Host { get; } = host;

        /// <summary>How it ended.</summary>
        public RunStatus Status { get; private set; } = status;

        /// <summary>How long it ran (zero when it never started).</summary>
        public TimeSpan Duration => Status is RunStatus.NotStarted or RunStatus.Skipped ? TimeSpan.Zero : recorded ?? _clock.Elapsed;

        /// <summary>The first line of its error, or why it was skipped or not started.</summary>
        public string? Error { get; private set; } = error;

        internal void End(RunStatus status, string? error = null)
        {
            _clock.Stop();
            Status = status;
            Error = error?.Split('\n', 2)[0].TrimEnd('\r');
        }
    }
}
