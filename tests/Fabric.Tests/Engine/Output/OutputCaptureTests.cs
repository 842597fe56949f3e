using System.Text;
using Fabric.Engine.Output;

namespace Fabric.Tests.Engine.Output;

public sealed class OutputCaptureTests
{
    [Fact]
    public void Lines_come_back_joined_by_line_breaks_without_the_final_ones()
    {
        var capture = new OutputCapture();
        capture.AppendLine("one");
        capture.AppendLine("two");
        capture.AppendLine("");

        Assert.Equal("one\ntwo", capture.ToText());
    }

    [Fact]
    public void Many_lines_across_blocks_and_characters_of_several_bytes_survive_whole()
    {
        var capture = new OutputCapture();
        var expected = new StringBuilder();
        for (var i = 0; i < 50_000; i++)
        {
            var line = $"{i} héllo wörld 😀 " + new string('x', i % 300);
            capture.AppendLine(line);
            expected.Append(line).Append('\n');
        }

        capture.AppendLine(new string('é', 3_000_000));
        expected.Append(new string('é', 3_000_000));

        Assert.Equal(expected.ToString(), capture.ToText());
        Assert.Equal(Encoding.UTF8.GetByteCount(expected.ToString()) + 1, capture.Length);
    }

    [Fact]
    public void Nothing_captured_is_empty_text()
    {
        Assert.Equal("", new OutputCapture().ToText());
    }

    [Fact]
    public void Lines_added_as_blocks_of_bytes_come_back_whole_whatever_block_boundary_cuts_a_character()
    {
        var capture = new OutputCapture();
        var expected = new StringBuilder();
        for (var i = 0; i < 2_000; i++)
        {
            expected.Append(i).Append(" 😀é").Append(new string('x', i % 97)).Append('\n');
        }

        var text = expected.ToString();
        for (var at = 0; at < text.Length;)
        {
            // Pieces of whole lines, about 7,000 characters each, as the splitter hands them on.
            var end = text.IndexOf('\n', Math.Min(text.Length - 1, at + 7_000)) + 1;
            capture.AppendBytes(Encoding.UTF8.GetBytes(text[at..end]));
            at = end;
        }

        Assert.Equal(text.TrimEnd('\n'), capture.ToText());
        Assert.Equal(Encoding.UTF8.GetByteCount(text), capture.Length);
    }

    [Fact]
    public void Output_past_what_is_kept_in_memory_goes_to_a_file_and_comes_back_whole()
    {
        var capture = new OutputCapture(inMemory: 4096);
        var expected = new StringBuilder();
        for (var i = 0; i < 30_000; i++)
        {
            var line = $"{i} héllo 😀 " + new string('y', i % 50);
            if (i % 2 == 0)
            {
                capture.AppendLine(line);
            }
            else
            {
                capture.AppendBytes(Encoding.UTF8.GetBytes(line + "\n"));
            }

            expected.Append(line).Append('\n');
        }

        Assert.True(capture.Spilled);
        Assert.Equal(expected.ToString().TrimEnd('\n'), capture.ToText());
        Assert.Equal(expected.ToString().TrimEnd('\n'), capture.ToText());
    }

    [Fact]
    public void After_its_first_spill_the_file_grows_by_whole_pages_each_time()
    {
        var capture = new OutputCapture(inMemory: 4096);
        var line = Encoding.UTF8.GetBytes(new string('q', 776) + "\n");
        var lengths = new List<long>();
        for (var i = 0; i < 2_000; i++)
        {
            capture.AppendBytes(line);
            if (capture.SpilledLength != (lengths.Count == 0 ? 0 : lengths[^1]))
            {
                lengths.Add(capture.SpilledLength);
            }
        }

        Assert.True(lengths.Count > 5, $"{lengths.Count} spills");
        Assert.All(lengths.Skip(1), length => Assert.Equal(0, length % Environment.SystemPageSize));
        Assert.Equal(string.Join('\n', Enumerable.Repeat(new string('q', 776), 2_000)), capture.ToText());
    }

    [Fact]
    public void The_file_output_goes_to_has_no_name_left_in_the_temporary_folder()
    {
        var before = Directory.GetFiles(System.IO.Path.GetTempPath(), "fabric-output-*");
        var capture = new OutputCapture(inMemory: 1024);
        capture.AppendBytes(Encoding.UTF8.GetBytes(new string('z', 100_000) + "\n"));

        Assert.True(capture.Spilled);
        Assert.Equal(before, Directory.GetFiles(System.IO.Path.GetTempPath(), "fabric-output-*"));
        Assert.Equal(new string('z', 100_000), capture.ToText());
    }

    [Fact]
    public void Trailing_line_breaks_in_the_file_part_alone_are_still_left_out()
    {
        var capture = new OutputCapture(inMemory: 1024);
        capture.AppendBytes(Encoding.UTF8.GetBytes("a\n" + new string('\n', 200_000)));

        Assert.Equal("a", capture.ToText());
    }
}
