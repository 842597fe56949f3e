using System.Diagnostics;
using System.Globalization;
using Fabric.Engine.Output;

namespace Fabric.Tool.Console;

/// <summary>
/// The <c>Put</c>/<c>Get</c> progress bar on a terminal: a part of the <see cref="TerminalStatusLine"/> such as
/// <c>[web1] /srv/app.tgz [#####-----]  42%  84.0/200.0 MB  120.3 MB/s</c>, updated at most ten times a second and
/// removed when the file is done (its <c>put:</c>/<c>get:</c> line already says what happened). The status line keeps it
/// below the scrolling output, beside a parallel run's counts. One bar at a time: while a file is shown, others (parallel
/// hosts) are not. Only made when the status line is interactive, so pipes and log files never see it.
/// </summary>
internal sealed class TerminalTransferProgress(TerminalStatusLine terminal, Func<int> width) : ITransferProgress
{
    private static readonly long RedrawInterval = Stopwatch.Frequency / 10;

    private readonly Lock _gate = new();
    private Bar? _shown;

    /// <summary>A bar on <paramref name="terminal"/>; null when it draws no status (redirected, <c>TERM=dumb</c>, <c>NO_COLOR</c>).</summary>
    public static TerminalTransferProgress? For(TerminalStatusLine? terminal) =>
        terminal is { IsInteractive: true } ? new TerminalTransferProgress(terminal, StatusParts.ConsoleWidth) : null;

    public ITransferMeter Begin(string host, string file, long size)
    {
        lock (_gate)
        {
            if (_shown is not null)
            {
                return NoMeter.Instance;
            }

            _shown = new Bar(host, file, size);
            Show(_shown, 0);
            return new Meter(this, _shown);
        }
    }

    /// <summary>
    /// The bar's text for <paramref name="done"/> of <paramref name="size"/> bytes after <paramref name="elapsed"/>, cut to
    /// <paramref name="columns"/> less one (a full-width line would wrap on some terminals).
    /// </summary>
    public static string Render(string host, string file, long done, long size, TimeSpan elapsed, int columns)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(file);
        var fraction = size <= 0 ? 1.0 : Math.Clamp((double)done / size, 0, 1);
        var filled = (int)Math.Round(fraction * 20);
        var rate = elapsed.TotalSeconds > 0 ? done / elapsed.TotalSeconds : 0;
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"[{host}] {file} [{new string('#', filled)}{new string('-', 20 - filled)}] {fraction * 100,3:0}%  {Megabytes(done)}/{Megabytes(size)} MB  {Megabytes((long)rate)} MB/s");
        var room = Math.Max(columns - 1, 10);
        return text.Length <= room ? text : text[..room];
    }

    private static string Megabytes(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);

    private void Show(Bar bar, long done) =>
        terminal.SetStatus(StatusPart.Transfer, Render(bar.Host, bar.File, done, bar.Size, Stopwatch.GetElapsedTime(bar.Started), width()));

    private void Report(Bar bar, long done)
    {
        var now = Stopwatch.GetTimestamp();
        if (now - bar.LastShown < RedrawInterval)
        {
            return;
        }

        lock (_gate)
        {
            if (_shown == bar)
            {
                bar.LastShown = now;
                Show(bar, done);
            }
        }
    }

    private void End(Bar bar)
    {
        lock (_gate)
        {
            if (_shown != bar)
            {
                return;
            }

            _shown = null;
            terminal.SetStatus(StatusPart.Transfer, null);
        }
    }

    /// <summary>What the bar shows: one file's transfer.</summary>
    private sealed class Bar(string host, string file, long size)
    {
        public string Host { get; } = host;

        public string File { get; } = file;

        public long Size { get; } = size;

        public long Started { get; } = Stopwatch.GetTimestamp();

        public long LastShown { get; set; } = Stopwatch.GetTimestamp();
    }

    /// <summary>The transfer's handle on its bar.</summary>
    private sealed class Meter(TerminalTransferProgress owner, Bar bar) : ITransferMeter
    {
        public void Report(long done) => owner.Report(bar, done);

        public void Dispose() => owner.End(bar);
    }

    private sealed class NoMeter : ITransferMeter
    {
        public static readonly NoMeter Instance = new();

        public void Report(long done)
        {
        }

        public void Dispose()
        {
        }
    }
}
