using Fabric.EndToEnd.Tests.Infrastructure;

namespace Fabric.EndToEnd.Tests.Execution;

/// <summary>
/// The examples of Fabric 0.9.3's "Execution model" document ("Execution strategy", "How host lists are
/// constructed", "Order of precedence", "Combining host lists"), run through the real dotnet fab.
/// </summary>
[Collection(PrecedenceSuite.Name)]
public class ReferenceDocumentTests(PrecedenceFabfile fabfile)
{
    [Fact]
    public async Task Execution_strategy_runs_each_task_on_each_host_task_by_task()
    {
        var result = await fabfile.RunAsync("--set", "setup=assign", "task-a", "task-b");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["task-a ran on host1", "task-a ran on host2", "task-b ran on host1", "task-b ran on host2"], Ran(result));
        Assert.Equal(
            ["[host1] Executing task 'task-a'", "[host2] Executing task 'task-a'", "[host1] Executing task 'task-b'", "[host2] Executing task 'task-b'"],
            result.StdoutLines.Where(l => l.Contains("Executing", StringComparison.Ordinal)));
        Assert.Equal("Done.", result.RunLines[^1]);
    }

    [Fact]
    public async Task Execution_strategy_runs_a_task_with_no_hosts_once_and_only_once()
    {
        var result = await fabfile.RunAsync("task-a");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["task-a ran on (no host)"], Ran(result));
        Assert.DoesNotContain(result.StdoutLines, l => l.Contains("Executing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Globally_via_env_module_level_hosts_apply_to_a_task()
    {
        var result = await fabfile.RunAsync("--set", "setup=assign", "mytask");

        Assert.Equal(["mytask ran on host1", "mytask ran on host2"], Ran(result));
    }

    [Fact]
    public async Task Globally_via_env_a_task_that_sets_hosts_affects_the_following_tasks()
    {
        var result = await fabfile.RunAsync("set-hosts", "mytask");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["mytask ran on host1", "mytask ran on host2"], Ran(result));
    }

    [Fact]
    public async Task Globally_via_the_command_line_H_sets_the_hosts()
    {
        var result = await fabfile.RunAsync("-H", "host1,host2", "mytask");

        Assert.Equal(["mytask ran on host1", "mytask ran on host2"], Ran(result));
    }

    [Fact]
    public async Task Module_level_assignment_overwrites_H()
    {
        var result = await fabfile.RunAsync("-H", "cli1,cli2", "--set", "setup=assign", "mytask");

        Assert.Equal(["mytask ran on host1", "mytask ran on host2"], Ran(result));
    }

    [Fact]
    public async Task Module_level_extend_merges_with_H()
    {
        var result = await fabfile.RunAsync("-H", "host1,host2", "--set", "setup=extend", "mytask");

        Assert.Equal(["mytask ran on host1", "mytask ran on host2", "mytask ran on host3", "mytask ran on host4"], Ran(result));
    }

    [Fact]
    public async Task Per_task_via_the_command_line_hosts_argument_sets_the_hosts()
    {
        var result = await fabfile.RunAsync("mytask:hosts=host1;host2");

        Assert.Equal(["mytask ran on host1", "mytask ran on host2"], Ran(result));
    }

    [Fact]
    public async Task Per_task_via_decorators_hosts_override_env_and_H()
    {
        var result = await fabfile.RunAsync("-H", "other1", "--set", "setup=three", "decorated");

        Assert.Equal(["decorated ran on host1", "decorated ran on host2"], Ran(result));
    }

    [Fact]
    public async Task Precedence_per_task_command_line_overrides_decorators()
    {
        var result = await fabfile.RunAsync("decorated:host=host9");

        Assert.Equal(["decorated ran on host9"], Ran(result));
    }

    [Fact]
    public async Task Precedence_per_task_command_line_overrides_env_and_H()
    {
        var result = await fabfile.RunAsync("-H", "cli1", "--set", "setup=assign", "mytask:hosts=host7");

        Assert.Equal(["mytask ran on host7"], Ran(result));
    }

    [Fact]
    public async Task Precedence_decorators_override_env_set_in_the_fabfile()
    {
        var result = await fabfile.RunAsync("--set", "setup=assign", "decorated23");

        Assert.Equal(["decorated23 ran on host2", "decorated23 ran on host3"], Ran(result));
    }

    [Fact]
    public async Task Precedence_env_set_in_the_fabfile_overrides_H()
    {
        var result = await fabfile.RunAsync("-H", "cli1", "--set", "setup=assign", "mytask");

        Assert.DoesNotContain("mytask ran on cli1", Ran(result));
    }

    [Fact]
    public async Task Precedence_H_only_initialises_env_hosts()
    {
        var result = await fabfile.RunAsync("-H", "cli1", "mytask");

        Assert.Equal(["mytask ran on cli1"], Ran(result));
    }

    [Fact]
    public async Task Combining_there_is_no_union_between_sources()
    {
        var result = await fabfile.RunAsync("--set", "setup=three", "decorated23");

        Assert.Equal(["decorated23 ran on host2", "decorated23 ran on host3"], Ran(result));
    }

    [Fact]
    public async Task Combining_hosts_and_roles_of_one_source_are_merged()
    {
        var result = await fabfile.RunAsync("combined");

        Assert.Equal(["combined ran on a", "combined ran on b", "combined ran on c"], Ran(result));
    }

    internal static string[] Ran(FabResult result) =>
        [.. result.StdoutLines
            .Where(l => l.Contains(" ran on ", StringComparison.Ordinal))
            .Select(l => l.StartsWith('[') ? l[(l.IndexOf("] ", StringComparison.Ordinal) + 2)..] : l)];
}
