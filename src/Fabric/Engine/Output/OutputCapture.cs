using System.Text;

namespace Fabric.Engine.Output;

/// <summary>
/// A command's captured output: its lines as UTF-8, in blocks that grow as needed (no copy of everything when it grows), so
/// that holding it costs about the size of the text itself; past <see cref="InMemory"/> bytes, the rest goes to an
/// <see cref="OutputSpill"/> file and memory stays flat (100 MB of output otherwise cost 100 MB of memory, and 0.4 s of
/// the system's time to fault it in, measured). Decoded to a string only when asked for.
/// </summary>
internal sealed class OutputCapture
{
    /// <summary>
    /// How many bytes are kept in memory before the rest goes to a temporary file. 1 MiB rather than 16: with 16 MiB held
    /// in the collected heap, 100 MB of printed and captured output took 1.11 s instead of 0.99 s (0.96 s not capturing),
    /// the heap's growth and collections costing more than writing the file (bench.sh section 6, measured).
    /// </summary>
    public const int DefaultInMemory = 1024 * 1024;

    private const int FirstBlock = 1024;

    /// <summary>
    /// Kept under the large-object heap's threshold (85,000 bytes): blocks of 1 MiB there made 100 MB of captured output
    /// take 6.3 s instead of 1.4 s, the allocations waiting on the background collections they set off (measured).
    /// </summary>
    private const int LargestBlock = 64 * 1024;

    private readonly List<byte[]> _blocks = [];

    /// <summary>How much of each block before the last is filled (a block may end a few bytes short of a whole character).</summary>
    private readonly List<int> _filled = [];
    private int _used;

    /// <summary>
    /// How much of the last block may be filled: all of it, but after a spill the part that makes the file end on a page
    /// when it next goes there, so that every later write to the file covers whole pages (a write that ends inside a page
    /// costs the system a partial page to zero and come back to: 64 KiB writes 1,000 bytes off the page took half again
    /// the CPU, measured).
    /// </summary>
    private int _end;
    private OutputSpill? _spill;
    private bool _spillRefused;

    /// <param name="inMemory">How many bytes are kept in memory before the rest goes to a temporary file.</param>
    public OutputCapture(int inMemory = DefaultInMemory) => InMemory = inMemory;

    /// <summary>How many bytes are kept in memory before the rest goes to a temporary file.</summary>
    public int InMemory { get; }

    /// <summary>How many bytes it holds.</summary>
    public long Length { get; private set; }

    /// <summary>True when part of it is in a temporary file.</summary>
    public bool Spilled => _spill is not null;

    /// <summary>How many of its bytes are in the temporary file.</summary>
    public long SpilledLength => _spill?.Length ?? 0;

    /// <summary>Adds a line and its line break.</summary>
    public void AppendLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var room = _blocks.Count == 0 ? 0 : _end - _used;
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

    /// <summary>Adds whole lines as UTF-8 bytes, each with its line break, as they came.</summary>
    public void AppendBytes(ReadOnlySpan<byte> lines) => Append(lines);

    /// <summary>The text, without its final line breaks.</summary>
    public string ToText()
    {
        var length = Length;
        while (length > 0 && ByteAt(length - 1) == (byte)'\n')
        {
            length--;
        }

        var chars = CharCount(Segments(length));
        return string.Create(chars, Segments(length), static (span, segments) =>
        {
            var decoder = Encoding.UTF8.GetDecoder();
            foreach (var segment in segments)
            {
                span = span[decoder.GetChars(segment.Span, span, flush: false)..];
            }

            decoder.GetChars([], span, flush: true);
        });
    }

    /// <summary>
    /// How many characters the segments decode to. A character may be split between two of them, and a decoder's
    /// <c>GetCharCount</c> does not carry such a part over, so this decodes (into a small scratch buffer) to count.
    /// </summary>
    private static int CharCount(IEnumerable<ReadOnlyMemory<byte>> segments)
    {
        var decoder = Encoding.UTF8.GetDecoder();
        var scratch = new char[16 * 1024];
        var count = 0;
        foreach (var segment in segments)
        {
            for (var bytes = segment.Span; !bytes.IsEmpty;)
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
            if (_blocks.Count == 0 || _used == _end)
            {
                NextBlock();
            }

            var take = Math.Min(bytes.Length, _end - _used);
            bytes[..take].CopyTo(_blocks[^1].AsSpan(_used));
            _used += take;
            Length += take;
            bytes = bytes[take..];
        }
    }

    /// <summary>Room for more: a new block, or, past <see cref="InMemory"/>, the blocks moved to the spill file and the last one reused.</summary>
    private void NextBlock()
    {
        if (Length >= InMemory && !_spillRefused && _blocks.Count > 0 && TrySpill())
        {
            return;
        }

        if (_blocks.Count > 0)
        {
            _filled.Add(_used);
        }

        var size = _blocks.Count == 0 ? FirstBlock : Math.Min(LargestBlock, _blocks[^1].Length * 2);
        _blocks.Add(NewBlock(size));
        _used = 0;
        _end = size;
    }

    /// <summary>Moves every block to the spill file, keeping the last one (emptied) to fill again; false when the file refused.</summary>
    private bool TrySpill()
    {
        _spill ??= OutputSpill.TryCreate();
        for (var i = 0; _spill is not null && i < _blocks.Count; i++)
        {
            if (!_spill.TryAppend(_blocks[i].AsSpan(0, FilledOf(i))))
            {
                // What the file took stays there, the rest in memory: drop the blocks it took, keep the others.
                _blocks.RemoveRange(0, i);
                _filled.RemoveRange(0, Math.Min(i, _filled.Count));
                _spillRefused = true;
                return false;
            }
        }

        if (_spill is null)
        {
            _spillRefused = true;
            return false;
        }

        var last = _blocks[^1];
        _blocks.Clear();
        _filled.Clear();
        _blocks.Add(last.Length == LargestBlock ? last : NewBlock(LargestBlock));
        _used = 0;
        _end = LargestBlock - (int)(_spill.Length % Environment.SystemPageSize);
        return true;
    }

    /// <summary>
    /// A block not cleared first: only the part filled is ever read, so clearing it is work for nothing. With the lines
    /// taken as the bytes they came as (<c>LineSplitter</c>), capturing 1.3 million lines (100 MB) in the output path
    /// alone went from 0.22 s to 0.10 s over not capturing (bench/OutputHarness).
    /// </summary>
    private static byte[] NewBlock(int size) => GC.AllocateUninitializedArray<byte>(size);

    private int FilledOf(int block) => block < _filled.Count ? _filled[block] : _used;

    private byte ByteAt(long index)
    {
        var spilled = _spill?.Length ?? 0;
        if (index < spilled)
        {
            Span<byte> one = stackalloc byte[1];
            _spill!.Read(index, one);
            return one[0];
        }

        index -= spilled;
        for (var i = 0; i < _blocks.Count; i++)
        {
            if (index < FilledOf(i))
            {
                return _blocks[i][index];
            }

            index -= FilledOf(i);
        }

        throw new ArgumentOutOfRangeException(nameof(index));
    }

    /// <summary>The first <paramref name="length"/> bytes, piece by piece: the spill file's (read into one reused buffer), then the blocks'.</summary>
    private IEnumerable<ReadOnlyMemory<byte>> Segments(long length)
    {
        if (_spill is { } spill)
        {
            var buffer = new byte[LargestBlock];
            for (long offset = 0; offset < Math.Min(length, spill.Length);)
            {
                var read = spill.Read(offset, buffer.AsSpan(0, (int)Math.Min(buffer.Length, Math.Min(length, spill.Length) - offset)));
                yield return buffer.AsMemory(0, read);
                offset += read;
            }

            length -= spill.Length;
        }

        for (var i = 0; i < _blocks.Count && length > 0; i++)
        {
            var filled = FilledOf(i);
            yield return _blocks[i].AsMemory(0, (int)Math.Min(length, filled));
            length -= filled;
        }
    }
}
