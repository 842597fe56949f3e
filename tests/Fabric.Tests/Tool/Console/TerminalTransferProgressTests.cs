using Fabric.Tool.Console;

namespace Fabric.Tests.Tool.Console;

public sealed class TerminalTransferProgressTests : IDisposable
{
    private const string Erase = "\r\u001b[2K";

    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();
    private readonly FakeTime _time = new();
    private readonly TerminalStatusLine _terminal;

    public TerminalTransferProgressTests() => _terminal = new TerminalStatusLine(_out, _err, interactive: true, _time, () => 120);

    public void Dispose()
    {
        _terminal.Dispose();
        _out.Dispose();
        _err.Dispose();
    }

    private TerminalTransferProgress Bar() => new(_terminal, () => 120);

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
    public void A_bar_is_drawn_on_the_status_line_and_erased_when_the_file_is_done()
    {
        using (Bar().Begin("web1", "/srv/app.tgz", 10 * 1048576L))
        {
            Assert.StartsWith("[web1] /srv/app.tgz [", _out.ToString(), StringComparison.Ordinal);
        }

        Assert.EndsWith(Erase, _out.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain('\n', _out.ToString());
    }

    [Fact]
    public void A_line_written_while_the_bar_is_up_goes_above_it_and_the_bar_is_drawn_again_below()
    {
        using var meter = Bar().Begin("web1", "/srv/app.tgz", 10 * 1048576L);
        var before = _out.ToString().Length;

        _terminal.WriteLine("[web2] out: hello");

        Assert.StartsWith(Erase + "[web2] out: hello\n[web1] /srv/app.tgz", _out.ToString()[before..], StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_file_at_the_same_time_gets_no_bar_of_its_own()
    {
        var bar = Bar();
        using var first = bar.Begin("web1", "/a", 10 * 1048576L);
        var drawn = _out.ToString();
        _time.Advance(TimeSpan.FromSeconds(1));

        using (var second = bar.Begin("web2", "/b", 10 * 1048576L))
        {
            second.Report(1);
        }

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(drawn, _out.ToString());
    }

    [Fact]
    public void The_bar_shares_the_line_with_a_parallel_runs_counts()
    {
        _terminal.SetStatus("[ deploy: 1/3 done, 0 failed, 2 running ]");
        _time.Advance(TimeSpan.FromSeconds(1));

        using var meter = Bar().Begin("web1", "/a", 10 * 1048576L);

        Assert.Contains("[ deploy: 1/3 done, 0 failed, 2 running ]  [web1] /a [", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void There_is_no_bar_when_the_console_draws_no_status()
    {
        using var plain = new TerminalStatusLine(_out, _err, interactive: false);

        Assert.Null(TerminalTransferProgress.For(plain));
        Assert.Null(TerminalTransferProgress.For(null));
    }
}
