using System.Text;

namespace Fabric.Tool.Console;

/// <summary>
/// Owns standard output and the bottom line of the terminal: a status text (the live line of a parallel run, a
/// transfer's progress) kept below the scrolling output. Every line of output goes through here: the status is erased,
/// the line written, the status drawn again. Lines of command output (<see cref="AppendLine"/>) may wait for up to
/// <see cref="OutputDelay"/> (or until <see cref="WaitingOutput.FlushAt"/> bytes wait), so that a flood of them
/// costs one write, and one redraw of the status, per buffer rather than per line; anything else is written at once,
/// after whatever waited. A change of the status text alone is drawn at most every <see cref="MinRedrawInterval"/> (the
/// latest text wins). While stdout is in the middle of a line (the start of a remote prompt), no status is drawn. When
/// the console is not interactive (redirected, <c>TERM=dumb</c>, <c>NO_COLOR</c>) there is never a status. Thread-safe.
/// </summary>
internal sealed partial class TerminalStatusLine : IDisposable
{
    /// <summary>The shortest time between two drawings of a changed status text.</summary>
    public static readonly TimeSpan MinRedrawInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The longest a line of command output waits before it is written: too short to be seen, long enough that a command
    /// printing thousands of lines a second is written in a few large pieces.
    /// </summary>
    public static readonly TimeSpan OutputDelay = TimeSpan.FromMilliseconds(10);

    /// <summary>Carriage return, then erase the whole line (ANSI EL2).</summary>
    private const string Erase = "\r\u001b[2K";

    private readonly Lock _gate = new();
    private readonly WaitingOutput _output;
    private readonly TextWriter _error;
    private readonly TimeProvider _time;
    private readonly Func<int> _width;
    private readonly ITimer? _timer;
    private readonly StatusParts _parts = new();
    private string? _drawn;
    private bool _midLine;
    private bool _timerArmed;
    private long _lastDraw;
    private bool _disposed;
    private int _paused;

    /// <summary>Over a writer instead of a stream (a test's, or <c>Console.Out</c> for an error before the console is set up).</summary>
    public TerminalStatusLine(TextWriter output, TextWriter error, bool interactive, TimeProvider? time = null, Func<int>? width = null)
        : this(new TextWriterStream(output ?? throw new ArgumentNullException(nameof(output))), Encoding.UTF8, error, interactive, time, width)
    {
    }

    /// <param name="output">Standard output, unbuffered (this buffers it; the status is drawn there when <paramref name="interactive"/>).</param>
    /// <param name="encoding">Standard output's encoding.</param>
    /// <param name="error">Standard error: warnings and errors.</param>
    /// <param name="interactive">True to draw a status: stdout is a terminal that understands ANSI erasing.</param>
    /// <param name="time">The clock and timers (<see cref="TimeProvider.System"/> by default).</param>
    /// <param name="width">The terminal's width in columns; the status is cut to fit in one line.</param>
    public TerminalStatusLine(Stream output, Encoding encoding, TextWriter error, bool interactive, TimeProvider? time = null, Func<int>? width = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(encoding);
        ArgumentNullException.ThrowIfNull(error);
        _error = error;
        IsInteractive = interactive;
        _time = time ?? TimeProvider.System;
        _width = width ?? (() => 80);
        _output = new WaitingOutput(output, encoding, _time, OutputDelay, FlushWaiting);
        _lastDraw = _time.GetTimestamp() - (long)(MinRedrawInterval.TotalSeconds * _time.TimestampFrequency);
        if (interactive)
        {
            _timer = _time.CreateTimer(_ => DrawIfChanged(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Whether a status is ever drawn.</summary>
    public bool IsInteractive { get; }

    /// <summary>
    /// The process's console, its stdout buffered here: interactive when stdout is a terminal and neither <c>NO_COLOR</c>
    /// nor <c>TERM=dumb</c> says otherwise. Make a <see cref="TerminalWriter"/> of it <c>Console.Out</c>, so that anything
    /// else printed keeps its place among these lines.
    /// </summary>
    public static TerminalStatusLine ForThisConsole()
    {
        var (stdout, encoding) = WaitingOutput.ForThisConsole();
        return new(stdout, encoding, System.Console.Error, ConsoleSettings.UseColour(), width: StatusParts.ConsoleWidth);
    }

    /// <summary>Writes <paramref name="text"/> to stdout at once, without ending the line.</summary>
    public void Write(string text) => Write("", text.AsSpan());

    /// <summary>
    /// Writes <paramref name="prefix"/>, then <paramref name="text"/>, to stdout at once (after whatever waited); no status
    /// is drawn after it unless it ends a line.
    /// </summary>
    public void Write(string prefix, ReadOnlySpan<char> text)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length + text.Length == 0)
        {
            return;
        }

        lock (_gate)
        {
            _output.Put(EraseIfDrawn());
            _output.Put(prefix);
            _output.Put(text);
            _midLine = text.Length > 0 ? text[^1] != '\n' : prefix[^1] != '\n';
            FlushLocked();
        }
    }

    /// <summary>
    /// Writes one line of command output to stdout: <paramref name="prefix"/>, then <paramref name="text"/> from
    /// <paramref name="start"/> on. It may wait for up to <see cref="OutputDelay"/>.
    /// </summary>
    public void AppendLine(string prefix, string text, int start = 0)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(text);
        lock (_gate)
        {
            _output.Put(EraseIfDrawn());
            _output.Put(prefix);
            _output.Put(text.AsSpan(start));
            _output.Put(WaitingOutput.NewLine);
            Appended(midLine: false);
        }
    }

    /// <summary>
    /// Writes lines of command output to stdout, each after <paramref name="prefix"/>: <paramref name="lines"/> holds
    /// whole lines of UTF-8 text, each ended by <c>\n</c>; the prefix is UTF-8 too. They may wait like
    /// <see cref="AppendLine"/>'s.
    /// </summary>
    public void AppendLines(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> lines)
    {
        lock (_gate)
        {
            _output.Put(EraseIfDrawn());
            _output.PutLines(prefix, lines);
            Appended(midLine: false);
        }
    }

    /// <summary>
    /// Writes the start of a line of command output that has not ended yet (a remote prompt): <paramref name="prefix"/>,
    /// then <paramref name="text"/>, without a line break. It may wait like <see cref="AppendLine"/>'s, so that a flood
    /// of output, every chunk of which ends inside a line, is not written chunk by chunk; a prompt shows after at most
    /// <see cref="OutputDelay"/>.
    /// </summary>
    public void AppendPartial(string prefix, ReadOnlySpan<char> text)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        lock (_gate)
        {
            _output.Put(EraseIfDrawn());
            _output.Put(prefix);
            _output.Put(text);
            Appended(midLine: true);
        }
    }

    /// <summary>
    /// Command output was added (ending inside a line when <paramref name="midLine"/>): written when the buffer is full (to
    /// a page boundary when no status is drawn, so that a flood of output to a file is written in whole pages) or when
    /// this is disposed; else it waits.
    /// </summary>
    private void Appended(bool midLine)
    {
        _midLine = midLine;
        if (_disposed)
        {
            FlushLocked();
        }
        else if (_output.Waiting >= WaitingOutput.FlushAt && !IsInteractive)
        {
            _output.FlushToPageBoundary();
        }
        else if (_output.IsDue())
        {
            FlushLocked();
        }
    }

    /// <summary>Writes one line to stdout, or to stderr when <paramref name="error"/>, at once, keeping the status below it.</summary>
    public void WriteLine(string line, bool error = false)
    {
        ArgumentNullException.ThrowIfNull(line);
        lock (_gate)
        {
            _output.Put(EraseIfDrawn());
            if (error)
            {
                _output.Flush();
                _error.WriteLine(line);
                _error.Flush();
            }
            else
            {
                _output.Put(line);
                _output.Put(WaitingOutput.NewLine);
                _midLine = false;
            }

            FlushLocked();
        }
    }

    /// <summary>Writes whatever waits, now.</summary>
    public void Flush()
    {
        lock (_gate)
        {
            if (_output.Waiting > 0)
            {
                FlushLocked();
            }
        }
    }

    /// <summary>
    /// Writes whatever waits unless another write has held stdout for longer than <paramref name="wait"/> (a reader that
    /// stopped reading): for a process about to exit, which must not hang on it.
    /// </summary>
    public void TryFlush(TimeSpan wait)
    {
        if (_gate.TryEnter(wait))
        {
            try
            {
                if (_output.Waiting > 0)
                {
                    FlushLocked();
                }
            }
            finally
            {
                _gate.Exit();
            }
        }
    }

    /// <summary>Writes what waits and erases the status for good (before the run summary); later lines are written plainly, at once.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _parts.Clear();
            _output.Put(EraseIfDrawn());
            FlushLocked();
        }

        _timer?.Dispose();
        _output.Dispose();
    }

    /// <summary>The output's timer: what waited <see cref="OutputDelay"/> is written.</summary>
    private void FlushWaiting()
    {
        lock (_gate)
        {
            _output.TimerFired();
            if (_output.Waiting > 0)
            {
                FlushLocked();
            }
        }
    }

    /// <summary>Writes what waits, with the status below it when it is not on the screen and may be drawn.</summary>
    private void FlushLocked()
    {
        if (_drawn is null)
        {
            _output.Put(StatusText());
        }

        _output.Flush();
    }

    /// <summary>The escape that erases the drawn status (empty when none is drawn); marks it erased.</summary>
    private string EraseIfDrawn()
    {
        if (_drawn is null)
        {
            return "";
        }

        _drawn = null;
        return Erase;
    }
}
