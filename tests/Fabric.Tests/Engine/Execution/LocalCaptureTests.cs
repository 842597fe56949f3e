using static Fabric.Api;

namespace Fabric.Tests.Engine.Execution;

public class LocalCaptureTests
{
    [Fact]
    public async Task Local_with_capture_returns_the_output_without_printing_it()
    {
        var (exit, lines) = await EngineRun.RunAsync([typeof(Tasks)], ["captured"]);

        Assert.Equal(0, exit);
        Assert.Contains("[localhost] local: echo secret-sha; echo warn >&2", lines);
        Assert.DoesNotContain(lines, l => l.Contains("out: secret-sha", StringComparison.Ordinal) || l.Contains("err: warn", StringComparison.Ordinal));
        Assert.Contains("got secret-sha/warn", lines);
    }

    [Fact]
    public async Task Local_without_capture_still_prints_its_output()
    {
        var (_, lines) = await EngineRun.RunAsync([typeof(Tasks)], ["shown"]);

        Assert.Contains("[localhost] out: visible", lines);
    }

    public static class Tasks
    {
        public static void Captured()
        {
            var result = Local("echo secret-sha; echo warn >&2", capture: true);
            Print($"got {result.Stdout.Trim()}/{result.Stderr.Trim()}");
        }

        public static void Shown() => Local("echo visible");
    }
}
