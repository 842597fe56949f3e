using Fabric.Engine.Output;
using Fabric.Tests.Engine.Execution;
using static Fabric.Api;

namespace Fabric.Tests.Engine.Output;

public class SecretMaskTests
{
    [Fact]
    public void Every_occurrence_of_every_secret_is_masked_longest_first()
    {
        Assert.Equal("user **** token **** and ****", SecretMask.Apply("user hunter2 token hunter2-long and hunter2", ["hunter2", "hunter2-long"]));
    }

    [Theory]
    [InlineData("password: hun", 10)]
    [InlineData("password: hunter2 ok", 20)]
    [InlineData("xx hunter2", 10)]
    [InlineData("hunter", 0)]
    [InlineData("no secret here", 14)]
    public void The_start_of_an_unfinished_line_stops_short_of_a_secret_that_may_still_be_completing(string text, int safe)
    {
        Assert.Equal(safe, SecretMask.SafeLength(text, ["hunter2"]));
    }

    [Fact]
    public void The_start_of_an_unfinished_line_never_cuts_through_a_secret_it_holds()
    {
        // "bc" is whole, but it lies inside "abcd", which may still be completing: cut before both.
        Assert.Equal(1, SecretMask.SafeLength("xabc", ["abcd", "bc"]));
    }

    [Fact]
    public async Task A_secret_split_across_chunks_of_an_unfinished_line_never_shows_in_part()
    {
        var output = new CollectingOutputSink();
        var context = new Fabric.Engine.Execution.RunContext(output);
        var go = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"fabric-go-{Guid.NewGuid():N}");
        try
        {
            Task<CommandResult> run;
            using (Fabric.Engine.Execution.Ambient.Enter(context))
            {
                Env.Secrets.Add("hunter2");
                run = LocalAsync($"printf 'pass: hun'; while [ ! -e '{go}1' ]; do sleep 0.05; done; printf 'ter2 ok'; while [ ! -e '{go}2' ]; do sleep 0.05; done; echo");
            }

            await PartialLine.WaitForAsync(output, "pass: ");
            await File.WriteAllTextAsync(go + "1", "");
            await PartialLine.WaitForAsync(output, "pass: **** ok");
            await File.WriteAllTextAsync(go + "2", "");
            await run;
        }
        finally
        {
            File.Delete(go + "1");
            File.Delete(go + "2");
        }

        Assert.All(output.Lines.Where(l => l.Partial), p => Assert.DoesNotContain("hun", p.Text, StringComparison.Ordinal));
        Assert.Contains("[localhost] out: pass: **** ok", output.Text);
    }

    [Fact]
    public async Task Env_Secrets_are_masked_in_commands_output_and_warnings()
    {
        var (_, lines) = await EngineRun.RunAsync([typeof(Tasks)], ["uses-env-secret"], env => env.WarnOnly = true);

        Assert.Contains("[localhost] local: echo s3cr3t-token; exit 2".Replace("s3cr3t-token", "****", StringComparison.Ordinal), lines);
        Assert.Contains("[localhost] out: ****", lines);
        Assert.DoesNotContain(lines, l => l.Contains("s3cr3t-token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_Secrets_scope_masks_the_fatal_error_of_a_command_that_failed_inside_it()
    {
        var (exit, lines) = await EngineRun.RunAsync([typeof(Tasks)], ["fails-with-scoped-secret"]);

        Assert.Equal(1, exit);
        Assert.Contains(lines, l => l.StartsWith("Fatal error: local 'echo **** >&2; exit 3' failed with exit code 3", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("scoped-pw", StringComparison.Ordinal));
    }

    public static class Tasks
    {
        public static void UsesEnvSecret()
        {
            Env.Secrets.Add("s3cr3t-token");
            Local("echo s3cr3t-token; exit 2");
        }

        public static void FailsWithScopedSecret()
        {
            using (Secrets("scoped-pw"))
            {
                Local("echo scoped-pw >&2; exit 3");
            }
        }
    }
}
