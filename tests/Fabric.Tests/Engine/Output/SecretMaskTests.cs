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
