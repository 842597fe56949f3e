using Fabric.EndToEnd.Tests.Infrastructure;

namespace Fabric.EndToEnd.Tests.Execution;

/// <summary>Fail-fast, warn-only, setup errors, local commands and exit codes through the real tool.</summary>
[Collection(PrecedenceSuite.Name)]
public class FailureTests(PrecedenceFabfile fabfile)
{
    [Fact]
    public async Task A_task_exception_aborts_the_run_before_the_next_host_and_task_with_exit_1()
    {
        var result = await fabfile.RunAsync("--set", "setup=assign", "fails", "mytask");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["[host1] Executing task 'fails'"], result.RunLines);
        Assert.Contains("Fatal error: task 'fails' on host1 threw InvalidOperationException: boom on host1 (at Fabfile.cs:line", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("Aborting.", result.StdoutLines.Concat(result.StderrLines).Last());
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Abort_prints_the_message_with_the_task_and_host()
    {
        var result = await fabfile.RunAsync("aborts:hosts=web1");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Fatal error: nothing to deploy (task 'aborts' on web1)", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_setup_exception_is_reported_with_its_message_and_fabfile_line_and_exit_2()
    {
        var result = await fabfile.RunAsync("--set", "setup=throw", "mytask");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("setup refused to run (at Fabfile.cs:line", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(" ran on ", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_streams_its_output_and_returns_it()
    {
        var result = await fabfile.RunAsync("shell:command=echo one && echo two");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["[localhost] local: echo one && echo two", "[localhost] out: one", "[localhost] out: two"], result.StdoutLines[..3]);
        Assert.Contains("exit=0 stdout=one", result.StdoutLines);
    }

    [Fact]
    public async Task A_failed_local_command_aborts_with_the_command_and_exit_code()
    {
        var result = await fabfile.RunAsync("shell:command=exit 7", "mytask");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Fatal error: local 'exit 7' failed with exit code 7", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(" ran on ", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Warn_only_turns_a_failed_command_into_a_warning_and_the_task_goes_on()
    {
        var result = await fabfile.RunAsync("-w", "shell:command=exit 7", "tolerant");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Warning: local 'exit 7' failed with exit code 7", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("exit=7 stdout=", result.StdoutLines);
        Assert.Contains("failed=True exit=3", result.StdoutLines);
    }

    [Fact]
    public async Task Async_tasks_are_awaited()
    {
        var result = await fabfile.RunAsync("async-task", "mytask");

        Assert.Equal(["async-task ran on (no host)", "mytask ran on (no host)"], ReferenceDocumentTests.Ran(result));
    }

    [Fact]
    public async Task Hide_running_status_and_output_leaves_only_the_tasks_own_lines()
    {
        var result = await fabfile.RunAsync("--hide", "running,status,output", "shell", "-H", "h1", "mytask");

        Assert.Equal(["[h1] exit=0 stdout=hello", "[h1] mytask ran on h1"], result.StdoutLines);
    }

    [Fact]
    public async Task Hide_everything_leaves_only_fatal_errors()
    {
        var result = await fabfile.RunAsync("--hide", "everything", "shell", "aborts");

        Assert.Empty(result.StdoutLines);
        Assert.StartsWith("Fatal error: nothing to deploy", result.StderrLines[0], StringComparison.Ordinal);
    }
}
