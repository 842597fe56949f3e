using System.Text;

namespace Fabric.Engine.Output;

/// <summary>
/// A command's captured output: its lines as UTF-8, in blocks that grow as needed (no copy of everything when it grows), so
/// that holding it costs about the size of the text itself. Decoded to a string only when asked for.
/// </summary>
internal sealed class OutputCapture
{
    private const int FirstBlock = 1024;
    private const int LargestBlock = 1024 * 1024;
    private readonly List<byte[]> _blocks = [];
    private int _used;

    /// <summary>How many bytes it holds.</summary>
    public long Length { get; private set; }

    /// <summary>Adds a line and its line break.</summary>
    public void AppendLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var room = _blocks.Count == 0 ? 0 : _blocks[^1].Length - _used;
        if (Encoding.UTF8.GetMaxByteCount(line.Length) < room)
        {
            // The common case, encoded straight into the block: 1.3 million lines must cost next to nothing.
            var written = Encoding.UTF8.GetBytes(line, _blocks[^1].AsSpan(_used));
            _blocks[^1][_used + written] = (byte)'\n';
            _used += written + 1;
            Length += written + 1;
            return;
        }

        Append(Encoding.UTF8.GetBytes(line));
        Append("\n"u8);
    }

    /// <summary>The text, without its final line breaks.</summary>
    public string ToText()
    {
        var length = Length;
        while (length > 0 && ByteAt(length - 1) == (byte)'\n')
        {
            length--;
        }

        var blocks = Blocks(length).ToList();
        var chars = CharCount(blocks);
        return string.Create(chars, blocks, static (span, blocks) =>
        {
            var decoder = Encoding.UTF8.GetDecoder();
            foreach (var block in blocks)
            {
                span = span[decoder.GetChars(block.Span, span, flush: false)..];
            }

            decoder.GetChars([], span, flush: true);
        });
    }

    /// <summary>
    /// How many characters the blocks decode to. A character may be split between two blocks, and a decoder's
    /// <c>GetCharCount</c> does not carry such a part over, so this decodes (into a small scratch buffer) to count.
    /// </summary>
    private static int CharCount(List<ReadOnlyMemory<byte>> blocks)
    {
        var decoder = Encoding.UTF8.GetDecoder();
        var scratch = new char[16 * 1024];
        var count = 0;
        foreach (var block in blocks)
        {
            for (var bytes = block.Span; !bytes.IsEmpty;)
            {
                decoder.Convert(bytes, scratch, flush: false, out var used, out var made, out _);
                count += made;
                bytes = bytes[used..];
            }
        }

        decoder.Convert([], scratch, flush: true, out _, out var last, out _);
        return count + last;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            if (_blocks.Count == 0 || _used == _blocks[^1].Length)
            {
                var size = _blocks.Count == 0 ? FirstBlock : Math.Min(LargestBlock, _blocks[^1].Length * 2);
                _blocks.Add(new byte[size]);
                _used = 0;
            }

            var take = Math.Min(bytes.Length, _blocks[^1].Length - _used);
            bytes[..take].CopyTo(_blocks[^1].AsSpan(_used));
            _used += take;
            Length += take;
            bytes = bytes[take..];
        }
    }

    private byte ByteAt(long index) => _blocks[BlockOf(index, out var offset)][offset];

    private int BlockOf(long index, out int offset)
    {
        for (var i = 0; i < _blocks.Count; i++)
        {
            if (index < _blocks[i].Length)
            {
                offset = (int)index;
                return i;
            }

            index -= _blocks[i].Length;
        }

        throw new ArgumentOutOfRangeException(nameof(index));
    }

    /// <summary>The first <paramref name="length"/> bytes, block by block.</summary>
    private IEnumerable<ReadOnlyMemory<byte>> Blocks(long length)
    {
        foreach (var block in _blocks)
        {
            if (length <= 0)
            {
                yield break;
            }

            yield return block.AsMemory(0, (int)Math.Min(length, block.Length));
            length -= block.Length;
        }
    }
}
