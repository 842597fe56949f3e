using Fabric.Engine.Output;

namespace Fabric.Tests.Engine.Output;

public class OutputFormatterTests
{
    [Fact]
    public void Print_of_several_lines_prefixes_every_line_with_the_host()
    {
        var text = OutputFormatter.Format(new OutputEvent(OutputKind.User, "web1", "a\nb\r\nc"));

        Assert.Equal("[web1] a\n[web1] b\n[web1] c", text);
    }

    [Fact]
    public void Print_without_a_host_is_left_as_written()
    {
        Assert.Equal("a\nb", OutputFormatter.Format(new OutputEvent(OutputKind.User, null, "a\nb")));
    }
}
