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
    public void A_marker_in_the_pending_line_is_taken_out_once_it_is_whole_and_reported()
    {
        var lines = new List<string>();
        var seen = 0;
        var splitter = new LineSplitter(lines.Add) { Capture = new() };
        splitter.Watch("[mark] password:", () => seen++);
        splitter.Feed("warning\n[mark] pass"u8);
        Assert.Equal(0, seen);
        splitter.Feed("word:"u8);

        Assert.Equal(1, seen);
        Assert.Equal("", splitter.Pending);
        splitter.Feed("after\n"u8);

        Assert.Equal(["warning", "after"], lines);
        Assert.Equal("warning\nafter", splitter.Capture.ToText());
    }

    [Fact]
    public void A_marker_inside_a_whole_line_is_taken_out_and_reported()
    {
        var lines = new List<string>();
        var seen = 0;
        var splitter = new LineSplitter(lines.Add);
        splitter.Watch("[go]", () => seen++);

        splitter.Feed("[go]hello\n"u8);

        Assert.Equal(1, seen);
        Assert.Equal(["hello"], lines);
    }

    [Fact]
    public void The_unfinished_line_never_shows_the_start_of_a_marker()
    {
        var partial = new List<string>();
        var splitter = new LineSplitter(_ => { }, partial.Add);
        splitter.Watch("[mark] password:", () => { });

        splitter.Feed("Note: [mark] pa"u8);
        splitter.ShowPending();

        Assert.Equal(["Note: "], partial);
    }

    [Fact]
    public void Nothing_is_kept_without_a_capture()
    {
        var splitter = new LineSplitter(_ => { });

        splitter.Feed("one\ntwo\n"u8);

        Assert.Null(splitter.Capture);
        Assert.Equal("", splitter.Pending);
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

    [Fact]
    public void Whole_lines_that_come_together_go_to_the_block_receiver_as_one_block()
    {
        var lines = new List<string>();
        var blocks = new List<string>();
        var splitter = new LineSplitter(lines.Add) { OnLines = block => blocks.Add(Encoding.UTF8.GetString(block)), Capture = new() };

        splitter.Feed("one\ntwo\nthr"u8);
        splitter.Feed("ee\nfour\nfive\n"u8);
        splitter.Complete();

        Assert.Equal(["one\ntwo\n", "four\nfive\n"], blocks);
        Assert.Equal(["three"], lines);
        Assert.Equal("one\ntwo\nthree\nfour\nfive", splitter.Capture.ToText());
    }

    [Fact]
    public void Lines_ended_by_carriage_returns_or_watched_for_markers_go_one_by_one_without_them()
    {
        var lines = new List<string>();
        var blocks = new List<string>();
        var splitter = new LineSplitter(lines.Add) { OnLines = block => blocks.Add(Encoding.UTF8.GetString(block)) };
        splitter.Feed("one\r\ntwo\r\n"u8);

        var watched = new LineSplitter(lines.Add) { OnLines = block => blocks.Add(Encoding.UTF8.GetString(block)) };
        watched.Watch("[m]", () => { });
        watched.Feed("three[m]\nfour\n"u8);

        Assert.Empty(blocks);
        Assert.Equal(["one", "two", "three", "four"], lines);
    }
    [Fact]
    public void Whole_lines_at_a_line_start_are_captured_as_the_bytes_they_came_as_and_shown_decoded()
    {
        var blocks = new List<string>();
        var splitter = new LineSplitter(_ => { }) { OnLines = block => blocks.Add(Encoding.UTF8.GetString(block)), Capture = new() };
        var text = Encoding.UTF8.GetBytes("héllo wörld 😀\nzwei\n");

        splitter.Feed(text);

        Assert.Equal(["héllo wörld 😀\nzwei\n"], blocks);
        Assert.Equal(text.Length, splitter.Capture.Length);
        Assert.Equal("héllo wörld 😀\nzwei", splitter.Capture.ToText());
    }

    [Fact]
    public void A_character_split_after_whole_lines_is_joined_with_the_next_chunk()
    {
        var lines = new List<string>();
        var blocks = new List<string>();
        var splitter = new LineSplitter(lines.Add) { OnLines = block => blocks.Add(Encoding.UTF8.GetString(block)), Capture = new() };
        var bytes = Encoding.UTF8.GetBytes("one\n😀two\nthree\n");

        splitter.Feed(bytes.AsSpan(0, 6));
        splitter.Feed(bytes.AsSpan(6));
        splitter.Complete();

        Assert.Equal(["one\n", "three\n"], blocks);
        Assert.Equal(["😀two"], lines);
        Assert.Equal("one\n😀two\nthree", splitter.Capture.ToText());
    }

    [Fact]
    public void Bytes_that_are_not_UTF_8_read_as_replacement_characters_whichever_way_they_went()
    {
        var blocks = new List<string>();
        var lines = new List<string>();
        var splitter = new LineSplitter(lines.Add) { OnLines = block => blocks.Add(Encoding.UTF8.GetString(block)), Capture = new() };

        splitter.Feed([(byte)'a', 0xFF, (byte)'\n', 0xC3]);
        splitter.Feed([(byte)'\n', (byte)'b', 0xE2, 0x82, (byte)'\n']);
        splitter.Complete();

        Assert.Equal(["a\uFFFD\n", "b\uFFFD\n"], blocks);
        Assert.Equal(["\uFFFD"], lines);
        Assert.Equal("a\uFFFD\n\uFFFD\nb\uFFFD", splitter.Capture.ToText());
    }
}
