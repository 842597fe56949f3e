using System.Text.RegularExpressions;
using Fabric.EndToEnd.Tests.Infrastructure;

namespace Fabric.EndToEnd.Tests.Ssh;

/// <summary>
/// The live status line of a parallel run: drawn below the output on a terminal (a pty made by util-linux
/// <c>script</c>), erased before the summary; never when the output goes through a pipe.
/// </summary>
[Collection(SshdGroup.Name)]
public sealed partial class ProgressLineTests(SshdFixture sshd)
{
    private const string Erase = "\r\u001b[2K";

    private readonly string _knownHosts = sshd.Path($"known_hosts-progress-{Guid.NewGuid():N}");

    private string[] Hosts => [.. Enumerable.Range(0, SshdFixture.HostCount).Select(i => $"{SshdFixture.Address(i)}:{sshd.Port}")];

    private string[] Args => ["-f", Repository.Path("tests", "fabfiles", "remote"), "-i", sshd.ClientKey, "--known-hosts", _knownHosts, "-u", SshdFixture.OpsUser, "-P", "-H", string.Join(',', Hosts), "sleep:seconds=1"];

    [Fact]
    public async Task On_a_terminal_a_parallel_run_shows_a_status_line_below_whole_prefixed_lines_and_erases_it_before_the_summary()
    {
        var result = await FabTool.OnTerminalAsync(Repository.Root, Args);

        Assert.True(result.ExitCode == 0, result.ToString());
        var screen = result.Stdout;
        Assert.Contains($"[ sleep: 0/{Hosts.Length} done, 0 failed, ", screen, StringComparison.Ordinal);
        var statuses = Status().Matches(screen);
        Assert.NotEmpty(statuses);
        var afterLastStatus = screen[(statuses[^1].Index + statuses[^1].Length)..];
        Assert.StartsWith(Erase, afterLastStatus, StringComparison.Ordinal);
        Assert.DoesNotContain("running ]", afterLastStatus, StringComparison.Ordinal);
        Assert.True(afterLastStatus.IndexOf("Done.", StringComparison.Ordinal) < afterLastStatus.IndexOf("Summary:", StringComparison.Ordinal));

        // .NET switches the terminal's keypad mode on (and off at exit) when its console is a terminal.
        var lines = Status().Replace(screen, "").Replace(Erase, "", StringComparison.Ordinal)
            .Replace("\u001b[?1h\u001b=", "", StringComparison.Ordinal).Replace("\u001b[?1l\u001b>", "", StringComparison.Ordinal)
            .ReplaceLineEndings("\n").Split('\n');
        // On a pty stderr shares the screen: the fabfile's build line (first run only) and the known_hosts warnings are there too.
        var run = lines.TakeWhile(l => !l.Contains("Summary:", StringComparison.Ordinal))
            .Where(l => l.Length > 0 && !l.Contains("Building ", StringComparison.Ordinal) && !l.StartsWith("Warning: Added [", StringComparison.Ordinal)).ToList();
        Assert.All(run, l => Assert.Matches(WholeLine(), l));
        Assert.Equal(Hosts.Length, run.Count(l => l.EndsWith("] run: sleep 1", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Through_a_pipe_a_parallel_run_has_no_status_line_and_every_line_is_whole_and_prefixed()
    {
        var result = await FabTool.RunAsync(Repository.Root, Args, new Dictionary<string, string> { ["TERM"] = "xterm", ["NO_COLOR"] = "" });

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("\u001b", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("running ]", result.Stdout, StringComparison.Ordinal);
        Assert.All(result.RunLines, l => Assert.Matches(WholeLine(), l));
        Assert.Equal(Hosts.Length, result.RunLines.Count(l => l.EndsWith("] run: sleep 1", StringComparison.Ordinal)));
    }


    [GeneratedRegex(@"\[ sleep: \d+/\d+ done, \d+ failed, \d+ running \]")]
    private static partial Regex Status();

    [GeneratedRegex(@"^(\[127\.0\.0\.\d:\d+\] (Executing task 'sleep'|run: sleep 1)|Done\.|Disconnecting from 127\.0\.0\.\d:\d+\.\.\. done\.)$")]
    private static partial Regex WholeLine();
}
