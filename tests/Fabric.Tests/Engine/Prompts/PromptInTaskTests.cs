using Fabric.Tests.Engine.Execution;
using static Fabric.Api;

namespace Fabric.Tests.Engine.Prompts;

public class PromptInTaskTests
{
    [Fact]
    public async Task A_prompt_in_a_task_without_a_terminal_aborts_the_run_with_exit_code_1_naming_the_question()
    {
        var (exit, lines) = await EngineRun.RunAsync([typeof(Tasks)], ["ask"], env => env.Hosts = ["web1"]);

        Assert.Equal(1, exit);
        Assert.Contains(lines, l => l.StartsWith("Fatal error: Needed to ask 'Release tag?', but there is no terminal", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("after the prompt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_set_value_answers_a_prompt_in_a_task()
    {
        var (exit, lines) = await EngineRun.RunAsync([typeof(Tasks)], ["ask"], env => env.CommandLineValues["tag"] = "v1.2");

        Assert.Equal(0, exit);
        Assert.Contains("tag v1.2 after the prompt", lines);
    }

    public static class Tasks
    {
        public static void Ask() => Print($"tag {Prompt("Release tag?", key: "tag", validate: @"v[\d.]+")} after the prompt");
    }
}
