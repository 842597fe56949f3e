using System.Text;

namespace Fabric.Engine.Ssh;

/// <summary>
/// Turns a stream of UTF-8 chunks into whole lines as they arrive (<c>\r\n</c> or <c>\n</c>), keeping the whole
/// text too. The unfinished last line is visible as <see cref="Pending"/>, so a prompt without a line break
/// (sudo's) can be spotted and removed, and <see cref="ShowPending"/> passes it on to <c>onPartial</c> while it grows
/// (a remote prompt shown before its line ends).
/// </summary>
internal sealed class LineSplitter(Action<string> onLine, Action<string>? onPartial = null)
{
    private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
    private readonly StringBuilder _all = new();
    private readonly StringBuilder _pending = new();
    private char[] _chars = new char[8192];
    private int _shownLength;

    /// <summary>Everything received so far (whole lines and the pending part), each line ending in <c>\n</c>.</summary>
    public string Text => _all.ToString() + _pending;

    /// <summary>The unfinished last line.</summary>
    public string Pending => _pending.ToString();

    public void Feed(ReadOnlySpan<byte> bytes)
    {
        var needed = _decoder.GetCharCount(bytes, flush: false);
        if (needed > _chars.Length)
        {
            _chars = new char[needed];
        }

        var count = _decoder.GetChars(bytes, _chars, flush: false);
        foreach (var c in _chars.AsSpan(0, count))
        {
            if (c == '\n')
            {
                EmitPending();
            }
            else
            {
                _pending.Append(c);
            }
        }
    }

    /// <summary>Removes <paramref name="text"/> from the pending line if it is there; true when it was.</summary>
    public bool TakeFromPending(string text)
    {
        var pending = _pending.ToString();
        var index = pending.IndexOf(text, StringComparison.Ordinal);
        if (index < 0)
        {
            return false;
        }

        _pending.Remove(index, text.Length);
        return true;
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
        if (text.Length > 0)
        {
            onPartial(text);
        }
    }

    /// <summary>Ends the stream: a pending partial line is emitted as a line.</summary>
    public void Complete()
    {
        if (_pending.Length > 0)
        {
            EmitPending();
        }
    }

    private void EmitPending()
    {
        var line = _pending.ToString().TrimEnd('\r');
        _pending.Clear();
        _shownLength = 0;
        _all.Append(line).Append('\n');
        onLine(line);
    }
}
