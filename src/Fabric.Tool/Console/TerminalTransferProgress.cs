using System.Diagnostics;
using System.Globalization;
using Fabric.Engine.Output;

namespace Fabric.Tool.Console;

/// <summary>
/// The <c>Put</c>/<c>Get</c> progress bar on a terminal: one line such as
/// <c>[web1] /srv/app.tgz [#####-----]  42%  84.0/200.0 MB  120.3 MB/s</c>, redrawn in place with <c>\r</c> at most ten
/// times a second and erased when the file is done (its <c>put:</c>/<c>get:</c> line already says what happened).
/// Output steps around it: a line written while the bar is up erases the bar first and redraws it after, so the
/// scrolling output never holds bar fragments. One bar at a time: while a file is shown, others (parallel hosts) are
/// not. Never used when stdout is redirected or <c>TERM=dumb</c>, so pipes and log files never see it.
/// </summary>
internal sealed class TerminalTransferProgress(IOutputSink inner, TextWriter terminal, Func<int> width) : IOutputSink, ITransferProgress
{
    private const string Erase = "\r\u001b[K";
    private static readonly long RedrawInterval = Stopwatch.Frequency / 10;

    private readonly Lock _gate = new();
    private Bar? _shown;
    private bool _drawn;

    /// <summary>A bar for this process's console, wrapping <paramref name="inner"/>; null when stdout is not a terminal that can take one.</summary>
    public static TerminalTransferProgress? ForConsole(IOutputSink inner) =>
        System.Console.IsOutputRedirected || System.Environment.GetEnvironmentVariable("TERM") is "dumb"
            ? null
            : new TerminalTransferProgress(inner, System.Console.Out, () => System.Console.WindowWidth);

    public ITransferMeter Begin(string host, string file, long size)
    {
        lock (_gate)
        {
            if (_shown is not null)
            {
                return NoMeter.Instance;
            }

            _shown = new Bar(host, file, size);
            Draw(_shown, 0);
            return new Meter(this, _shown);
        }
    }

    public void Write(OutputEvent line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Hidden)
        {
            inner.Write(line);
            return;
        }

        lock (_gate)
        {
            if (_drawn)
            {
                terminal.Write(Erase);
                terminal.Flush();
                _drawn = false;
            }

            inner.Write(line);
            if (_shown is { } bar)
            {
                Draw(bar, bar.Done);
            }
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

    private void Draw(Bar meter, long done)
    {
        int columns;
        try
        {
            columns = width();
        }
        catch (IOException)
        {
            columns = 80;
        }

        terminal.Write("\r" + Render(meter.Host, meter.File, done, meter.Size, Stopwatch.GetElapsedTime(meter.Started), columns == 0 ? 80 : columns) + "\u001b[K");
        terminal.Flush();
        _drawn = true;
    }

    private void Report(Bar meter, long done)
    {
        var now = Stopwatch.GetTimestamp();
        if (now - meter.LastDrawn < RedrawInterval)
        {
            return;
        }

        lock (_gate)
        {
            if (_shown == meter)
            {
                meter.LastDrawn = now;
                Draw(meter, done);
            }
        }
    }

    private void End(Bar meter)
    {
        lock (_gate)
        {
            if (_shown != meter)
            {
                return;
            }

            _shown = null;
            if (_drawn)
            {
                terminal.Write(Erase);
                terminal.Flush();
                _drawn = false;
            }
        }
    }

    /// <summary>What the bar shows: one file's transfer.</summary>
    private sealed class Bar(string host, string file, long size)
    {
        public string Host { get; } = host;

        public string File { get; } = file;

        public long Size { get; } = size;

        public long Started { get; } = Stopwatch.GetTimestamp();

        public long LastDrawn { get; set; } = Stopwatch.GetTimestamp();

        public long Done { get; set; }
    }

    /// <summary>The transfer's handle on its bar.</summary>
    private sealed class Meter(TerminalTransferProgress owner, Bar bar) : ITransferMeter
    {
        public void Report(long done)
        {
            bar.Done = done;
            owner.Report(bar, done);
        }

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
