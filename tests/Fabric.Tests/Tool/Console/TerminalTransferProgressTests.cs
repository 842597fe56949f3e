using Fabric.Engine.Output;
using Fabric.Tool.Console;

namespace Fabric.Tests.Tool.Console;

public sealed class TerminalTransferProgressTests : IDisposable
{
    private readonly StringWriter _terminal = new();
    private readonly CollectingOutputSink _lines = new();

    public void Dispose() => _terminal.Dispose();

    private TerminalTransferProgress Bar(int width = 120) => new(_lines, _terminal, () => width);

    [Fact]
    public void The_bar_shows_host_file_percent_bytes_and_rate()
    {
        var text = TerminalTransferProgress.Render("web1", "/srv/app.tgz", 84 * 1048576L, 200 * 1048576L, TimeSpan.FromSeconds(2), 120);

        Assert.Equal("[web1] /srv/app.tgz [########------------]  42%  84.0/200.0 MB  42.0 MB/s", text);
    }

    [Fact]
    public void The_bar_is_cut_to_one_column_less_than_the_terminal()
    {
        var text = TerminalTransferProgress.Render("web1", new string('x', 200), 1, 2, TimeSpan.FromSeconds(1), 60);

        Assert.Equal(59, text.Length);
    }

    [Fact]
    public void A_bar_is_drawn_in_place_and_erased_when_the_file_is_done()
    {
        var bar = Bar();

        using (var meter = bar.Begin("web1", "/srv/app.tgz", 10 * 1048576L))
        {
            meter.Report(5 * 1048576L);
        }

        Assert.StartsWith("\r[web1] /srv/app.tgz [", _terminal.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("\r\u001b[K", _terminal.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain('\n', _terminal.ToString());
    }

    [Fact]
    public void A_line_written_while_the_bar_is_up_erases_it_first_and_redraws_it_after()
    {
        var bar = Bar();
        using var meter = bar.Begin("web1", "/srv/app.tgz", 10 * 1048576L);
        var before = _terminal.ToString().Length;

        bar.Write(new OutputEvent(OutputKind.Stdout, "web2", "hello"));

        var after = _terminal.ToString()[before..];
        Assert.StartsWith("\r\u001b[K\r[web1] /srv/app.tgz", after, StringComparison.Ordinal);
        Assert.Equal("hello", Assert.Single(_lines.Lines).Text);
    }

    [Fact]
    public void A_second_file_at_the_same_time_gets_no_bar_of_its_own()
    {
        var bar = Bar();
        using var first = bar.Begin("web1", "/a", 10 * 1048576L);
        var drawn = _terminal.ToString();

        using (var second = bar.Begin("web2", "/b", 10 * 1048576L))
        {
            second.Report(1);
        }

        Assert.Equal(drawn, _terminal.ToString());
    }
}
