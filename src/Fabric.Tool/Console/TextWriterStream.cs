using System.Text;

namespace Fabric.Tool.Console;

/// <summary>
/// A write-only stream of UTF-8 that passes its text on to a <see cref="TextWriter"/>: a <see cref="TerminalStatusLine"/>
/// over a writer (a test's, or <c>Console.Out</c> before the console is set up) writes through it. A character split
/// between two writes is held until its end comes.
/// </summary>
internal sealed class TextWriterStream(TextWriter writer) : Stream
{
    private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
    private char[] _chars = new char[4096];

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var count = _decoder.GetCharCount(buffer, flush: false);
        if (_chars.Length < count)
        {
            _chars = new char[count];
        }

        writer.Write(_chars.AsSpan(0, _decoder.GetChars(buffer, _chars, flush: false)));
    }

    public override void Flush() => writer.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
