using System.Text;
using Fabric.Engine.Output;

namespace Fabric.Engine.Ssh;

/// <summary>
/// Turns a stream of UTF-8 chunks into whole lines as they arrive (<c>\r\n</c> or <c>\n</c>), keeping only the unfinished
/// last line (<see cref="Pending"/>), so memory does not grow with the output; <see cref="Capture"/>, when set, keeps the
/// lines. Watched markers (sudo's prompt, a command's start signal) are taken out of the text wherever they appear and
/// reported; <see cref="ShowPending"/> passes the unfinished line on to <c>onPartial</c> while it grows (a remote prompt
/// shown before its line ends), never with a part of a marker that may still be completing. Whole lines that come
/// together in one chunk go to <see cref="OnLines"/> as one block of the bytes they came as, when it is set and nothing is
/// watched: neither decoded nor made into a string per line (1.3 million lines of output cost 0.4 s one string and one
/// event at a time, 0.10 s decoded as blocks); the capture takes them as they are too.
/// </summary>
internal sealed class LineSplitter(Action<string> onLine, Action<string>? onPartial = null)
{
    private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
    private readonly StringBuilder _pending = new();
    private readonly List<(string Text, Action OnSeen)> _markers = [];
    private char[] _chars = new char[8192];
    private int _shownLength;

    /// <summary>True while everything fed so far ended a line: no unfinished line, no part of a character held back.</summary>
    private bool _atLineStart = true;

    /// <summary>Receives every whole line (the command's captured text); null: lines are passed on and forgotten.</summary>
    public OutputCapture? Capture { get; init; }

    /// <summary>
    /// Receives whole lines that arrived together, as one block of UTF-8 bytes, each line ended by <c>\n</c> (none has a
    /// <c>\r</c>): null, or while markers are watched, every line goes to <c>onLine</c> on its own.
    /// </summary>
    public OutputLines? OnLines { get; init; }

    /// <summary>The unfinished last line.</summary>
    public string Pending => _pending.ToString();

    /// <summary>Takes <paramref name="marker"/> out of the text wherever it appears, calling <paramref name="onSeen"/> each time.</summary>
    public void Watch(string marker, Action onSeen)
    {
        ArgumentException.ThrowIfNullOrEmpty(marker);
        _markers.Add((marker, onSeen));
    }

    public void Feed(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        if (OnLines is not null && _markers.Count == 0)
        {
            if (!_atLineStart && !FinishLine(ref bytes))
            {
                return;
            }

            bytes = FeedWholeLines(bytes);
            if (bytes.IsEmpty)
            {
                return;
            }
        }

        _atLineStart = bytes[^1] == (byte)'\n';
        ReadOnlySpan<char> text = Decode(bytes);
        text = EmitFirstLine(text);
        for (var end = text.IndexOf('\n'); end >= 0; end = text.IndexOf('\n'))
        {
            Emit(new string(text[..end]));
            text = text[(end + 1)..];
        }

        if (!text.IsEmpty)
        {
            _pending.Append(text);
            if (_markers.Count > 0)
            {
                TakeMarkersFromPending();
            }
        }
    }

    /// <summary>
    /// The unfinished line goes on with <paramref name="bytes"/>: when they end it, it is emitted and they are what follows
    /// it (true); else they all join it (false).
    /// </summary>
    private bool FinishLine(ref ReadOnlySpan<byte> bytes)
    {
        var end = bytes.IndexOf((byte)'\n') + 1;
        if (end == 0)
        {
            _pending.Append(Decode(bytes));
            return false;
        }

        EmitFirstLine(Decode(bytes[..end]));
        _atLineStart = true;
        bytes = bytes[end..];
        return true;
    }

    /// <summary>
    /// The whole lines at the start of <paramref name="bytes"/> (the text before them ended a line): captured and passed on
    /// as the bytes they are, one block; the rest, an unfinished line or lines with a <c>\r</c>, is returned. A line break
    /// is one byte in UTF-8 and never inside a character, so whole lines are whole characters.
    /// </summary>
    private ReadOnlySpan<byte> FeedWholeLines(ReadOnlySpan<byte> bytes)
    {
        var whole = bytes.LastIndexOf((byte)'\n') + 1;
        if (whole == 0 || bytes[..whole].Contains((byte)'\r'))
        {
            return bytes;
        }

        var lines = bytes[..whole];
        _shownLength = 0;
        Capture?.AppendBytes(lines);
        OnLines!(lines);
        return bytes[whole..];
    }

    /// <summary><paramref name="bytes"/> decoded, a character they end inside of held back for the next ones (valid until the next call).</summary>
    private ReadOnlySpan<char> Decode(ReadOnlySpan<byte> bytes)
    {
        var chars = CharsFor(_decoder.GetCharCount(bytes, flush: false));
        return chars.AsSpan(0, _decoder.GetChars(bytes, chars, flush: false));
    }

    /// <summary>The decoding buffer, grown to hold at least <paramref name="count"/> characters.</summary>
    private char[] CharsFor(int count)
    {
        if (count > _chars.Length)
        {
            _chars = new char[Math.Max(count, _chars.Length * 2)];
        }

        return _chars;
    }

    /// <summary>The line the unfinished one goes on with, emitted on its own (its start may be on the screen already): the rest of the text.</summary>
    private ReadOnlySpan<char> EmitFirstLine(ReadOnlySpan<char> text)
    {
        var end = text.IndexOf('\n');
        if (end < 0)
        {
            return text;
        }

        string line;
        if (_pending.Length == 0)
        {
            line = new string(text[..end]);
        }
        else
        {
            line = _pending.Append(text[..end]).ToString();
            _pending.Clear();
        }

        Emit(line);
        return text[(end + 1)..];
    }

    /// <summary>Passes the unfinished line so far to <c>onPartial</c>, when there is one and it grew since last time.</summary>
    public void ShowPending()
    {
        if (onPartial is null || _pending.Length == 0 || _pending.Length == _shownLength)
        {
            return;
        }

        _shownLength = _pending.Length;
        var text = _pending.ToString().TrimEnd('\r');
        var safe = _markers.Count == 0 ? text.Length : SecretMask.SafeLength(text, _markers.Select(m => m.Text));
        if (safe > 0)
        {
            onPartial(text[..safe]);
        }
    }

    /// <summary>Ends the stream: a pending partial line is emitted as a line.</summary>
    public void Complete()
    {
        if (_pending.Length > 0)
        {
            var line = _pending.ToString();
            _pending.Clear();
            Emit(line);
        }
    }

    private void Emit(string line)
    {
        if (line.EndsWith('\r'))
        {
            line = line.TrimEnd('\r');
        }

        foreach (var (marker, onSeen) in _markers)
        {
            while (line.Contains(marker, StringComparison.Ordinal))
            {
                line = line.Remove(line.IndexOf(marker, StringComparison.Ordinal), marker.Length);
                onSeen();
            }
        }

        _shownLength = 0;
        Capture?.AppendLine(line);
        onLine(line);
    }

    private void TakeMarkersFromPending()
    {
        foreach (var (marker, onSeen) in _markers)
        {
            for (var at = _pending.ToString().IndexOf(marker, StringComparison.Ordinal); at >= 0; at = _pending.ToString().IndexOf(marker, StringComparison.Ordinal))
            {
                _pending.Remove(at, marker.Length);
                _shownLength = Math.Min(_shownLength, at);
                onSeen();
            }
        }
    }
}
