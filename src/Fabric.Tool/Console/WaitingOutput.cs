using System.Text;

namespace Fabric.Tool.Console;

/// <summary>
/// Standard output as <see cref="TerminalStatusLine"/> writes it: bytes that wait in a buffer of its own until they are
/// written, at the latest <see cref="TerminalStatusLine.OutputDelay"/> after the first of them (a timer then calls the
/// owner back) or once <see cref="FlushAt"/> bytes wait. Text is encoded in the console's encoding; command output that
/// came as UTF-8 goes in as it is when that is the console's encoding (no decoding and encoding again). Not thread-safe:
/// the owner calls it under its lock.
/// </summary>
internal sealed class WaitingOutput : IDisposable
{
    /// <summary>
    /// How many bytes may wait before they are written at once. A write to the console costs about 1.7 µs whatever its size
    /// (measured: 1.3 million lines of 98 characters, one write each, took 2.2 s of 4.9 s), and a file takes 64 KiB
    /// writes at a third less CPU than 32 KiB ones.
    /// </summary>
    public const int FlushAt = 64 * 1024;

    /// <summary>
    /// What a write to a file should end on: a write that ends inside a page leaves the system a partial page to fill with
    /// zeros and to come back to. 131 MB written at page-aligned offsets took 0.03–0.05 s; at offsets 1,000 bytes off,
    /// 0.07–0.10 s (measured, ext4).
    /// </summary>
    private static readonly int Page = Environment.SystemPageSize;

    private readonly Stream _stream;
    private readonly Encoder _encoder;
    private readonly bool _utf8;
    private readonly ITimer _timer;
    private readonly TimeSpan _delay;
    private byte[] _buffer = new byte[2 * FlushAt];
    private char[]? _chars;
    private long _written;
    private bool _armed;

    /// <param name="stream">Standard output: written to only when what waits is flushed.</param>
    /// <param name="encoding">The console's encoding (its byte-order mark is never written).</param>
    /// <param name="time">The timer's clock.</param>
    /// <param name="delay">The longest anything waits.</param>
    /// <param name="due">Called from the timer once something has waited <paramref name="delay"/>: the owner takes its lock and calls <see cref="TimerFired"/>.</param>
    public WaitingOutput(Stream stream, Encoding encoding, TimeProvider time, TimeSpan delay, Action due)
    {
        _stream = stream;
        _encoder = encoding.GetEncoder();
        _utf8 = encoding.CodePage == Encoding.UTF8.CodePage;
        _delay = delay;
        _timer = time.CreateTimer(_ => due(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>How many bytes wait.</summary>
    public int Waiting { get; private set; }

    /// <summary>The line break written after a line.</summary>
    public static string NewLine => Environment.NewLine;

    /// <summary>The process's standard output, unbuffered (this buffers), and the console's encoding.</summary>
    public static (Stream Stream, Encoding Encoding) ForThisConsole() => (System.Console.OpenStandardOutput(), System.Console.OutputEncoding);

    /// <summary>Adds text to what waits.</summary>
    public void Put(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            Room(64);
            _encoder.Convert(text, _buffer.AsSpan(Waiting), flush: false, out var used, out var made, out _);
            Waiting += made;
            text = text[used..];
        }
    }

    /// <summary>Adds UTF-8 text to what waits: as it is on a UTF-8 console, else in the console's encoding.</summary>
    public void PutUtf8(ReadOnlySpan<byte> text)
    {
        if (!_utf8)
        {
            Transcode(text);
            return;
        }

        Room(text.Length);
        text.CopyTo(_buffer.AsSpan(Waiting));
        Waiting += text.Length;
    }

    /// <summary>
    /// Adds whole lines of UTF-8 text (each ended by <c>\n</c>), each after <paramref name="prefix"/> (UTF-8 too), each
    /// ended by <see cref="NewLine"/>.
    /// </summary>
    public void PutLines(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> lines)
    {
        if (!_utf8 || NewLine != "\n")
        {
            for (var end = lines.IndexOf((byte)'\n'); end >= 0; end = lines.IndexOf((byte)'\n'))
            {
                PutUtf8(prefix);
                PutUtf8(lines[..end]);
                Put(NewLine);
                lines = lines[(end + 1)..];
            }

            return;
        }

        // A block of a few hundred lines costs one check for room, then two copies a line.
        Room(lines.Length + (lines.Count((byte)'\n') * prefix.Length));
        var into = _buffer.AsSpan(Waiting);
        var before = into.Length;
        for (var end = lines.IndexOf((byte)'\n'); end >= 0; end = lines.IndexOf((byte)'\n'))
        {
            prefix.CopyTo(into);
            lines[..(end + 1)].CopyTo(into[prefix.Length..]);
            into = into[(prefix.Length + end + 1)..];
            lines = lines[(end + 1)..];
        }

        Waiting += before - into.Length;
    }

    /// <summary>True when what waits is to be written now (<see cref="FlushAt"/> reached); else makes sure the timer will say when.</summary>
    public bool IsDue()
    {
        if (Waiting >= FlushAt)
        {
            return true;
        }

        Arm();
        return false;
    }

    /// <summary>The timer has called back: it is no longer armed.</summary>
    public void TimerFired() => _armed = false;

    /// <summary>Writes everything that waits.</summary>
    public void Flush()
    {
        Write(Waiting);
        _stream.Flush();
    }

    /// <summary>
    /// Writes what waits up to the last page boundary of the output (counted from the first byte written here), keeping
    /// the rest, less than a page, waiting, with the timer armed for it: while a flood of output is written to a file,
    /// every write then ends on a page.
    /// </summary>
    public void FlushToPageBoundary()
    {
        var end = Waiting - (int)((_written + Waiting) % Page);
        if (end <= 0)
        {
            Flush();
            return;
        }

        Write(end);
        _stream.Flush();
        Arm();
    }

    public void Dispose() => _timer.Dispose();

    /// <summary>Makes sure the timer will call back for what waits, if anything does.</summary>
    private void Arm()
    {
        if (!_armed && Waiting > 0)
        {
            _armed = true;
            _timer.Change(_delay, Timeout.InfiniteTimeSpan);
        }
    }

    private void Write(int count)
    {
        if (count > 0)
        {
            _stream.Write(_buffer, 0, count);
            _written += count;
            _buffer.AsSpan(count, Waiting - count).CopyTo(_buffer);
            Waiting -= count;
        }
    }

    /// <summary>Makes room for <paramref name="count"/> more bytes in the buffer.</summary>
    private void Room(int count)
    {
        if (_buffer.Length - Waiting < count)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Waiting + count));
        }
    }

    /// <summary>UTF-8 text for a console of another encoding: decoded, then encoded in that one.</summary>
    private void Transcode(ReadOnlySpan<byte> text)
    {
        var count = Encoding.UTF8.GetCharCount(text);
        if (_chars is null || _chars.Length < count)
        {
            _chars = new char[Math.Max(count, 4096)];
        }

        Put(_chars.AsSpan(0, Encoding.UTF8.GetChars(text, _chars)));
    }
}
