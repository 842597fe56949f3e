using System.Text;
using Fabric.Engine.Ssh;

namespace Fabric.Tests.Engine.Ssh;

public sealed class LineSplitterTests
{
    [Fact]
    public void Lines_are_emitted_as_they_complete_across_chunks()
    {
        var lines = new List<string>();
        var splitter = new LineSplitter(lines.Add);

        splitter.Feed("one\r\ntw"u8);
        Assert.Equal(["one"], lines);
        splitter.Feed("o\nthree"u8);
        Assert.Equal(["one", "two"], lines);
        splitter.Complete();

        Assert.Equal(["one", "two", "three"], lines);
        Assert.Equal("one\ntwo\nthree\n", splitter.Text);
    }

    [Fact]
    public void Multibyte_characters_split_between_chunks_survive()
    {
        var lines = new List<string>();
        var splitter = new LineSplitter(lines.Add);
        var bytes = Encoding.UTF8.GetBytes("héllo\n");

        splitter.Feed(bytes.AsSpan(0, 2));
        splitter.Feed(bytes.AsSpan(2));

        Assert.Equal(["héllo"], lines);
    }

    [Fact]
    public void A_prompt_in_the_pending_line_can_be_taken_out()
    {
        var lines = new List<string>();
        var splitter = new LineSplitter(lines.Add);
        splitter.Feed("warning\n[mark] pass"u8);
        Assert.False(splitter.TakeFromPending("[mark] password:"));
        splitter.Feed("word:"u8);

        Assert.True(splitter.TakeFromPending("[mark] password:"));
        splitter.Feed("after\n"u8);

        Assert.Equal(["warning", "after"], lines);
        Assert.DoesNotContain("mark", splitter.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_unfinished_line_is_shown_only_when_it_grew_and_never_after_it_ended()
    {
        var partial = new List<string>();
        var splitter = new LineSplitter(_ => { }, partial.Add);

        splitter.Feed("Contin"u8);
        splitter.ShowPending();
        splitter.ShowPending();
        splitter.Feed("ue? \r"u8);
        splitter.ShowPending();
        splitter.Feed("yes\n"u8);
        splitter.ShowPending();

        Assert.Equal(["Contin", "Continue? "], partial);
    }
}
