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
        var remaining = line.AsSpan();
        Span<byte> encoded = stackalloc byte[1024];
        var encoder = Encoding.UTF8.GetEncoder();
        while (!remaining.IsEmpty)
        {
            var take = Math.Min(remaining.Length, 256);
            var last = take == remaining.Length;
            var count = encoder.GetBytes(remaining[..take], encoded, flush: last);
            Append(encoded[..count]);
            remaining = remaining[take..];
        }

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
        var decoder = Encoding.UTF8.GetDecoder();
        var chars = blocks.Sum(block => decoder.GetCharCount(block.Span, flush: false)) + decoder.GetCharCount([], flush: true);
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
