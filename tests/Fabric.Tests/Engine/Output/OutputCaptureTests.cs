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
}
