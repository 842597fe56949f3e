using System.Text.RegularExpressions;
using Fabric.EndToEnd.Tests.Infrastructure;

namespace Fabric.EndToEnd.Tests.Execution;

/// <summary>Output of a parallel run through a pipe: every line whole and prefixed with its host.</summary>
[Collection(PrecedenceSuite.Name)]
public sealed partial class ParallelOutputTests(PrecedenceFabfile fabfile)
{
    [Fact]
    public async Task A_twenty_host_parallel_run_through_a_pipe_has_every_line_whole_and_prefixed_with_its_host()
    {
        var hosts = Enumerable.Range(1, 20).Select(i => $"h{i}").ToList();

        var result = await fabfile.RunAsync("-P", "--hide", "status", "-H", string.Join(',', hosts), "chatty:lines=40");

        Assert.Equal(0, result.ExitCode);
        var lines = result.StdoutLines;
        Assert.All(lines, l => Assert.Matches(WholeLine(), l));
        foreach (var host in hosts)
        {
            Assert.Equal(40, lines.Count(l => l.StartsWith($"[{host}] print ", StringComparison.Ordinal)));
        }

        Assert.Equal(20 * 40, lines.Count(l => l.StartsWith("[localhost] out: line ", StringComparison.Ordinal)));
    }

    [GeneratedRegex(@"^\[(h\d+|localhost)\] (Executing task 'chatty'|local: .*|out: line \d{3} 0{200}|print \d{3} x{200})$")]
    private static partial Regex WholeLine();
}
