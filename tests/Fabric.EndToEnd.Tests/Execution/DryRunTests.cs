using Fabric.EndToEnd.Tests.Infrastructure;

namespace Fabric.EndToEnd.Tests.Execution;

/// <summary><c>--dry-run</c> through the real tool: every precedence source, arguments, exclusions; nothing runs.</summary>
[Collection(PrecedenceSuite.Name)]
public class DryRunTests(PrecedenceFabfile fabfile)
{
    [Fact]
    public async Task Dry_run_shows_each_task_in_order_with_arguments_hosts_and_the_source_that_chose_them()
    {
        var result = await fabfile.RunAsync(
            "--dry-run", "-H", "h1,h2", "-x", "h2", "mytask", "decorated", "db", "mytask:hosts=z1", "args:bob,count=2", "on-lazy", "task-a:exclude_hosts=h1");

        Assert.Equal(0, result.ExitCode);
        var first = Array.IndexOf(result.StdoutLines, "1. mytask");
        Assert.Equal(
            [
                "1. mytask",
                "   hosts from Env.Hosts/Env.Roles (-H/-R, the fabfile's setup): h1",
                "   excluded: h2",
                "2. decorated",
                "   hosts from [Hosts]/[Roles] on the method: host1, host2",
                "3. db.migrate",
                "   hosts from [Hosts]/[Roles] on class Database: www1, www2",
                "4. mytask",
                "   hosts from the task's command-line arguments: z1",
                "5. args(name=\"bob\", count=2, loud=false, ratio=0.5, color=Red, wait=00:00:00, tags=null)",
                "   hosts from Env.Hosts/Env.Roles (-H/-R, the fabfile's setup): h1",
                "   excluded: h2",
            ],
            result.StdoutLines[first..(first + 12)]);
        Assert.Contains("lazy role function called (1)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("   hosts from [Hosts]/[Roles] on the method: lazy1, lazy2", result.StdoutLines);
        Assert.Contains("   every host from Env.Hosts/Env.Roles (-H/-R, the fabfile's setup) is excluded (h1, h2): would be skipped", result.StdoutLines);
        Assert.DoesNotContain(" ran on ", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Executing", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dry_run_checks_the_command_line_like_a_real_run()
    {
        var result = await fabfile.RunAsync("--dry-run", "args:count=x");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'x' is not a whole number", result.Stderr, StringComparison.Ordinal);
    }
}
