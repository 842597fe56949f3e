using System.Text;
using Fabric.Tool.Console;

namespace Fabric.Tests.Tool.Console;

/// <summary>Standard output's own buffer: the bytes it writes, in which encoding, and where its writes end.</summary>
public sealed class WaitingOutputTests : IDisposable
{
    private readonly WritesStream _stdout = new();
    private readonly FakeTime _time = new();

    public void Dispose() => _stdout.Dispose();

    private TerminalStatusLine Terminal(Encoding encoding) => new(_stdout, encoding, TextWriter.Null, interactive: false, _time);

    [Fact]
    public void Lines_that_came_as_UTF_8_reach_a_UTF_8_console_as_the_same_bytes_after_their_prefix()
    {
        using var terminal = Terminal(new UTF8Encoding(false));

        terminal.AppendLines("[h] out: "u8, Encoding.UTF8.GetBytes("héllo 😀\nzwei\n"));
        terminal.Flush();

        Assert.Equal(Encoding.UTF8.GetBytes("[h] out: héllo 😀\n[h] out: zwei\n"), _stdout.ToArray());
    }

    [Fact]
    public void Lines_that_came_as_UTF_8_reach_a_console_of_another_encoding_in_that_encoding()
    {
        using var terminal = Terminal(Encoding.Latin1);

        terminal.AppendLines("[h] out: "u8, Encoding.UTF8.GetBytes("héllo\n"));
        terminal.WriteLine("fertig ü");

        Assert.Equal(Encoding.Latin1.GetBytes("[h] out: héllo\nfertig ü\n"), _stdout.ToArray());
    }

    [Fact]
    public void Text_and_lines_of_bytes_keep_their_order()
    {
        using var terminal = Terminal(new UTF8Encoding(false));

        terminal.AppendLine("[h] out: ", "one");
        terminal.AppendLines("[h] out: "u8, "two\n"u8);
        terminal.AppendLine("[h] err: ", "three");
        terminal.Flush();

        Assert.Equal("[h] out: one\n[h] out: two\n[h] err: three\n", Encoding.UTF8.GetString(_stdout.ToArray()));
    }

    [Fact]
    public void A_flood_of_output_is_written_in_pieces_that_end_on_a_page_and_the_rest_follows_after_the_delay()
    {
        using var terminal = Terminal(new UTF8Encoding(false));
        var block = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(new string('x', 76) + "\n", 400)));
        terminal.WriteLine("Executing task 'x'");

        for (var i = 0; i < 20; i++)
        {
            terminal.AppendLines("[127.0.0.2] out: "u8, block);
        }

        Assert.True(_stdout.Writes.Count > 5, $"{_stdout.Writes.Count} writes");
        Assert.All(_stdout.Ends.Skip(1), end => Assert.Equal(0, end % Environment.SystemPageSize));
        var written = _stdout.Length;
        _time.Advance(TerminalStatusLine.OutputDelay);

        var expected = 19 + (20 * 400 * (17 + 77));
        Assert.True(written < expected, "a rest smaller than a page waited");
        Assert.Equal(expected, _stdout.Length);
    }

    /// <summary>Standard output that remembers each write's size and where it ended.</summary>
    private sealed class WritesStream : MemoryStream
    {
        public List<int> Writes { get; } = [];

        public List<long> Ends { get; } = [];

        public override void Write(byte[] buffer, int offset, int count)
        {
            base.Write(buffer, offset, count);
            Writes.Add(count);
            Ends.Add(Length);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            base.Write(buffer);
            Writes.Add(buffer.Length);
            Ends.Add(Length);
        }
    }
}
