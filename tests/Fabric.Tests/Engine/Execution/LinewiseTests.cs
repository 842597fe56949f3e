using Fabric.Engine.Execution;
using Fabric.Engine.Output;
using Fabric.Engine.Tasks;
using Fabric.Tests.Engine.Output;
using static Fabric.Api;

namespace Fabric.Tests.Engine.Execution;

/// <summary>Serial runs show the start of a line as it arrives; <c>Env.Linewise</c> and parallel runs only whole lines.</summary>
public sealed class LinewiseTests
{
    private static async Task<IReadOnlyList<OutputEvent>> RunAsync(string task, Action<EnvState> configure)
    {
        var output = new CollectingOutputSink();
        var table = TaskDiscovery.Discover([typeof(Tasks)]);
        var context = new RunContext(output) { Tasks = table };
        configure(context.Env);
        Assert.Equal(0, await EngineRun.RunAsync(context, RunPlanner.Plan(table, [task])));
        return output.Lines;
    }

    [Fact]
    public async Task A_serial_run_shows_a_prompt_without_a_line_break_before_its_line_ends()
    {
        var output = new CollectingOutputSink();
        var table = TaskDiscovery.Discover([typeof(Tasks)]);
        var context = new RunContext(output) { Tasks = table };
        var go = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"fabric-go-{Guid.NewGuid():N}");
        context.Env.Hosts = ["h1"];
        try
        {
            var run = Task.Run(() => EngineRun.RunAsync(context, RunPlanner.Plan(table, [$"wait-for:path={go}"])));

            await PartialLine.WaitForAsync(output, "Continue? ");
            Assert.DoesNotContain(output.Lines, l => l.Kind == OutputKind.Stdout && l.Text.Contains("yes", StringComparison.Ordinal));
            await File.WriteAllTextAsync(go, "");
            Assert.Equal(0, await run);
        }
        finally
        {
            File.Delete(go);
        }

        Assert.Contains(output.Lines, l => l is { Kind: OutputKind.Stdout, Host: "localhost", Text: "Continue? yes", Partial: false });
    }

    [Fact]
    public async Task Linewise_shows_whole_lines_only()
    {
        var lines = await RunAsync("prompt", env => (env.Hosts, env.Linewise) = (["h1"], true));

        Assert.DoesNotContain(lines, l => l.Partial);
        Assert.Contains(lines, l => l.Kind == OutputKind.Stdout && l.Text == "Continue? yes");
    }

    [Fact]
    public async Task A_parallel_run_shows_whole_lines_only()
    {
        var lines = await RunAsync("prompt", env => (env.Hosts, env.Parallel) = (["h1", "h2"], true));

        Assert.DoesNotContain(lines, l => l.Partial);
        Assert.Equal(2, lines.Count(l => l.Kind == OutputKind.Stdout && l.Text == "Continue? yes"));
    }

    public static class Tasks
    {
        public static void Prompt() => Local("printf 'Continue? '; sleep 0.3; echo yes");

        public static void WaitFor(string path) => Local($"printf 'Continue? '; while [ ! -e '{path}' ]; do sleep 0.05; done; echo yes");
    }
}
