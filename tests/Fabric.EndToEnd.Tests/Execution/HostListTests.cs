using Fabric.EndToEnd.Tests.Infrastructure;

namespace Fabric.EndToEnd.Tests.Execution;

/// <summary>Host lists through the real tool: roles, lazy roles, exclusions, groups.</summary>
[Collection(PrecedenceSuite.Name)]
public class HostListTests(PrecedenceFabfile fabfile)
{
    [Fact]
    public async Task Lazy_role_functions_are_not_called_by_list()
    {
        var result = await fabfile.RunAsync("--list");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("lazy role function called", result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lazy_role_functions_are_not_called_by_tasks_that_do_not_use_them()
    {
        var result = await fabfile.RunAsync("-H", "host1", "mytask");

        Assert.DoesNotContain("lazy role function called", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lazy_role_functions_are_called_when_a_task_needs_them()
    {
        var result = await fabfile.RunAsync("on-lazy");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("lazy role function called (1)", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(["on-lazy ran on lazy1", "on-lazy ran on lazy2"], ReferenceDocumentTests.Ran(result));
    }

    [Fact]
    public async Task R_sets_the_roles_of_tasks_without_their_own()
    {
        var result = await fabfile.RunAsync("-R", "web", "mytask");

        Assert.Equal(["mytask ran on www1", "mytask ran on www2"], ReferenceDocumentTests.Ran(result));
    }

    [Fact]
    public async Task An_undefined_role_in_an_attribute_stops_the_run_before_anything_runs()
    {
        var result = await fabfile.RunAsync("mytask", "on-undefined-role");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Role 'nosuchrole' is not defined", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(ReferenceDocumentTests.Ran(result));
    }

    [Fact]
    public async Task An_undefined_role_on_the_command_line_is_a_usage_error()
    {
        var result = await fabfile.RunAsync("-R", "nope", "mytask");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Role 'nope' is not defined", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Global_exclusions_remove_hosts_from_every_source()
    {
        var result = await fabfile.RunAsync("-x", "host2", "--set", "setup=three", "mytask", "decorated", "combined:hosts=host2;z");

        Assert.Equal(["mytask ran on host1", "mytask ran on host3", "decorated ran on host1", "combined ran on z"], ReferenceDocumentTests.Ran(result));
    }

    [Fact]
    public async Task Task_exclusions_remove_hosts_from_that_task_only()
    {
        var result = await fabfile.RunAsync("decorated:exclude_hosts=host1", "decorated");

        Assert.Equal(["decorated ran on host2", "decorated ran on host1", "decorated ran on host2"], ReferenceDocumentTests.Ran(result));
    }

    [Fact]
    public async Task A_task_whose_hosts_are_all_excluded_is_skipped_with_a_warning()
    {
        var result = await fabfile.RunAsync("-x", "host1,host2", "decorated");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(ReferenceDocumentTests.Ran(result));
        Assert.Contains("Warning: Skipping task 'decorated'", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_group_default_task_answers_to_the_group_name_and_its_class_roles_apply()
    {
        var result = await fabfile.RunAsync("db");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("[www1] db.migrate ran on www1", result.StdoutLines);
        Assert.Contains("[www2] db.migrate ran on www2", result.StdoutLines);
    }

    [Fact]
    public async Task Env_describes_each_host_with_user_and_port_defaults()
    {
        var result = await fabfile.RunAsync("-u", "alice", "--port", "2200", "parts:hosts=deploy@web1:2222;web2;[::1]:2223");

        Assert.Contains("[deploy@web1:2222] host_string=deploy@web1:2222 host=web1 user=deploy port=2222", result.StdoutLines);
        Assert.Contains("[web2] host_string=web2 host=web2 user=alice port=2200", result.StdoutLines);
        Assert.Contains("[[::1]:2223] host_string=[::1]:2223 host=::1 user=alice port=2223", result.StdoutLines);
    }
}
