using Fabric.Engine.Transport;
using static Fabric.Api;

namespace Fabric.Tests.Engine.Remote;

/// <summary>The policy of Run and Sudo, against a fake transport: no process, no socket.</summary>
public sealed class RemoteShellTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Run_wraps_the_command_and_its_scopes_in_the_users_shell()
    {
        using var run = new FakeRun();

        using (Cd("/srv/app"))
        {
            await RunAsync("make").WaitAsync(Limit);
        }

        Assert.Equal("/bin/bash -l -c 'cd '\"'\"'/srv/app'\"'\"' && make'", run.Web1.Commands[0].Request.CommandLine);
        Assert.Null(run.Web1.Commands[0].Request.Terminal);
    }

    [Fact]
    public async Task Output_lines_are_shown_per_stream_and_kept_in_the_result()
    {
        using var run = new FakeRun();
        run.Hosts.Script = c =>
        {
            c.Out("one\r\ntw");
            c.Err("oops\n");
            c.Out("o\n");
            return Task.FromResult(0);
        };

        var result = await RunAsync("x").WaitAsync(Limit);

        Assert.Equal("one\ntwo", result.Stdout);
        Assert.Equal("oops", result.Stderr);
        Assert.Equal(["[deploy@web1] run: x", "[deploy@web1] out: one", "[deploy@web1] err: oops", "[deploy@web1] out: two"], run.Text);
    }

    [Fact]
    public async Task A_command_given_no_input_gets_end_of_input_at_once()
    {
        using var run = new FakeRun();
        run.Hosts.Script = async c => await c.ReadLineAsync() is null ? 0 : 1;

        var result = await RunAsync("read x").WaitAsync(Limit);

        Assert.Equal(0, result.ExitCode);
        Assert.True(run.Web1.Commands[0].InputClosed);
        Assert.Empty(run.Web1.Commands[0].InputReceived);
    }

    [Fact]
    public async Task Given_input_is_sent_in_full_then_ended()
    {
        using var run = new FakeRun(new FakeTerminal("typed\n"));
        run.Hosts.Script = async c =>
        {
            c.Out(await c.ReadToEndAsync());
            return 0;
        };

        var result = await RunAsync("cat", input: "line one\nline two\n").WaitAsync(Limit);

        Assert.Equal("line one\nline two", result.Stdout);
    }

    [Fact]
    public async Task An_input_file_that_cannot_be_read_aborts_naming_it_before_anything_runs()
    {
        using var run = new FakeRun();
        var missing = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"no-such-input-{Guid.NewGuid():N}");

        var error = await Assert.ThrowsAsync<AbortException>(() => RunAsync("cat", input: CommandInput.FromFile(missing)).WaitAsync(Limit));

        Assert.StartsWith($"The input file '{missing}' cannot be read:", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, run.Hosts.Count);
    }

    [Fact]
    public async Task On_a_terminal_what_the_user_types_reaches_the_command_in_whole_lines()
    {
        var terminal = new FakeTerminal("yes\n");
        using var run = new FakeRun(terminal);
        run.Hosts.Script = async c =>
        {
            c.Out($"got [{await c.ReadLineAsync()}]\n");
            return 0;
        };

        var result = await RunAsync("read x; echo got [$x]").WaitAsync(Limit);

        Assert.Equal("got [yes]", result.Stdout);
        Assert.Equal([false], terminal.Forwarded);
    }

    [Fact]
    public async Task A_parallel_execution_never_takes_the_terminals_typing()
    {
        var terminal = new FakeTerminal("yes\n");
        using var run = new FakeRun(terminal, parallel: true);
        run.Hosts.Script = async c => await c.ReadLineAsync() is null ? 0 : 1;

        var result = await RunAsync("read x").WaitAsync(Limit);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(terminal.Forwarded);
    }

    [Fact]
    public async Task With_a_pty_the_command_gets_a_terminal_the_users_size_and_typing_goes_raw()
    {
        var terminal = new FakeTerminal("q");
        using var run = new FakeRun(terminal);

        await RunAsync("less x", pty: true).WaitAsync(Limit);

        Assert.Equal(new TerminalSize(132, 43), run.Web1.Commands[0].Request.Terminal);
        Assert.Equal([true], terminal.Forwarded);
    }

    [Fact]
    public async Task With_a_pty_the_remote_terminal_follows_the_users_window_size_until_the_command_ends()
    {
        var terminal = new FakeTerminal("q");
        terminal.Resizes.Add(new TerminalSize(100, 30));
        using var run = new FakeRun(terminal);

        await RunAsync("less x", pty: true).WaitAsync(Limit);

        Assert.Equal([new TerminalSize(100, 30)], run.Web1.Commands[0].Resized);
        Assert.Equal(1, terminal.SizeWatchesEnded);
    }

    [Fact]
    public async Task Without_a_pty_the_window_size_is_not_watched()
    {
        var terminal = new FakeTerminal("yes\n");
        terminal.Resizes.Add(new TerminalSize(100, 30));
        using var run = new FakeRun(terminal);

        await RunAsync("read x").WaitAsync(Limit);

        Assert.Empty(run.Web1.Commands[0].Resized);
        Assert.Equal(0, terminal.SizeWatchesEnded);
    }

    [Fact]
    public async Task With_a_pty_and_no_terminal_end_of_input_is_a_ctrl_d_as_a_user_would_type_it()
    {
        using var run = new FakeRun();

        await RunAsync("read x", pty: true).WaitAsync(Limit);

        Assert.Equal(TerminalSize.Default, run.Web1.Commands[0].Request.Terminal);
        Assert.Equal([(byte)4], run.Web1.Commands[0].InputReceived);
        Assert.True(run.Web1.Commands[0].InputClosed);
    }

    [Fact]
    public async Task Sudos_prompt_is_answered_with_the_password_and_never_shown_and_input_waits_until_the_command_starts()
    {
        using var run = new FakeRun(prompt: new FixedPrompt("s3cret-pw"));
        string? password = null;
        string? commandInput = null;
        run.Hosts.Script = async c =>
        {
            var sudo = run.Web1.Sudo;
            c.Err(sudo.Marker);
            password = await c.ReadLineAsync();
            c.Err(sudo.StartMarker + "warming up\n");
            commandInput = await c.ReadToEndAsync();
            c.Out("root\n");
            return 0;
        };

        var result = await SudoAsync("cat", input: "payload").WaitAsync(Limit);

        Assert.Equal("s3cret-pw", password);
        Assert.Equal("payload", commandInput);
        Assert.Equal("root", result.Stdout);
        Assert.Equal("warming up", result.Stderr);
        Assert.DoesNotContain(run.Sink.Lines, l => l.Kind != Fabric.Engine.Output.OutputKind.Debug && l.Text.Contains("fabric-", StringComparison.Ordinal) || l.Text.Contains("s3cret", StringComparison.Ordinal));
        Assert.StartsWith("sudo -S -p ", run.Web1.Commands[0].Request.CommandLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sudo_needing_a_password_nobody_can_give_aborts_naming_the_host()
    {
        using var run = new FakeRun();
        run.Hosts.Script = async c =>
        {
            c.Err(run.Web1.Sudo.Marker);
            await c.ReadLineAsync();
            return 1;
        };

        var error = await Assert.ThrowsAnyAsync<AbortException>(() => SudoAsync("id").WaitAsync(Limit));

        Assert.Equal("sudo on deploy@web1 needs a password and none was given (use Env.Password or Env.SudoPassword, or run on a terminal).", error.Message);
    }

    [Fact]
    public async Task A_requiretty_sudoers_is_named_with_the_way_out()
    {
        using var run = new FakeRun();
        run.Hosts.Script = c =>
        {
            c.Err("sudo: sorry, you must have a tty to run sudo\n");
            return Task.FromResult(1);
        };

        var error = await Assert.ThrowsAsync<CommandFailedException>(() => SudoAsync("id").WaitAsync(Limit));

        Assert.Equal("sudo 'id' on deploy@web1 failed: sudo there needs a terminal (its sudoers say requiretty): use Sudo(..., pty: true) or Env.AlwaysUsePty = true.", error.Message);
    }

    [Fact]
    public async Task Warn_only_turns_a_failure_into_a_warning_and_a_failed_result()
    {
        using var run = new FakeRun();
        run.Hosts.Script = c =>
        {
            c.Err("disk full\n");
            return Task.FromResult(3);
        };

        var result = await RunAsync("df", warnOnly: true).WaitAsync(Limit);
        var error = await Assert.ThrowsAsync<CommandFailedException>(() => RunAsync("df").WaitAsync(Limit));

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("[deploy@web1] Warning: run 'df' on deploy@web1 failed with exit code 3:", string.Join("\n", run.Text), StringComparison.Ordinal);
        Assert.Equal(3, error.Result.ExitCode);
    }

    [Fact]
    public async Task A_shell_the_host_lacks_is_named_with_how_to_choose_another()
    {
        using var run = new FakeRun();
        run.Hosts.Script = c =>
        {
            c.Err("sh: 1: /bin/bash: not found\n");
            return Task.FromResult(127);
        };

        var error = await Assert.ThrowsAsync<CommandFailedException>(() => RunAsync("uptime").WaitAsync(Limit));

        Assert.StartsWith("run 'uptime' on deploy@web1 failed: /bin/bash was not found on deploy@web1", error.Message, StringComparison.Ordinal);
        Assert.Contains("Env.Shell = \"/bin/sh -c\"", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task An_account_that_runs_no_command_is_named_as_the_cause()
    {
        using var run = new FakeRun();
        run.Hosts.Script = c =>
        {
            c.Out("This account is currently not available.\n");
            return Task.FromResult(1);
        };

        var error = await Assert.ThrowsAsync<CommandFailedException>(() => RunAsync("uptime").WaitAsync(Limit));

        Assert.Equal(
            "run 'uptime' on deploy@web1 failed: the account 'deploy' cannot run commands there: its login shell says 'This account is currently not available.' (exit 1).",
            error.Message);
        Assert.Equal("true", run.Web1.Commands[1].Request.CommandLine);
    }

    [Fact]
    public async Task A_command_that_fails_silently_on_a_working_account_keeps_the_usual_message()
    {
        using var run = new FakeRun();
        run.Hosts.Script = c => Task.FromResult(c.Request.CommandLine == "true" ? 0 : 1);

        var error = await Assert.ThrowsAsync<CommandFailedException>(() => RunAsync("grep -q x f").WaitAsync(Limit));

        Assert.Equal("run 'grep -q x f' on deploy@web1 failed with exit code 1.", error.Message);
    }

    [Fact]
    public async Task Hidden_output_groups_still_reach_the_sink_marked_hidden()
    {
        using var run = new FakeRun();
        run.Hosts.Script = c =>
        {
            c.Out("quiet\n");
            return Task.FromResult(0);
        };

        using (Hide("stdout"))
        {
            await RunAsync("x").WaitAsync(Limit);
        }

        Assert.Contains(run.Sink.Lines, l => l.Text == "quiet" && l.Hidden);
        Assert.DoesNotContain("[deploy@web1] out: quiet", run.Text);
    }

    [Fact]
    public async Task Without_capture_output_is_shown_but_not_kept()
    {
        using var run = new FakeRun();
        run.Hosts.Script = c =>
        {
            c.Out("big\n");
            return Task.FromResult(0);
        };

        var result = await RunAsync("x", capture: false).WaitAsync(Limit);

        Assert.Equal("", result.Stdout);
        Assert.Contains("[deploy@web1] out: big", run.Text);
    }

    [Fact]
    public async Task A_lost_connection_aborts_naming_the_host_and_forgets_the_connection()
    {
        using var run = new FakeRun();
        run.Hosts.Script = _ => throw new ConnectionLostException("the server closed the connection");

        var error = await Assert.ThrowsAsync<AbortException>(() => RunAsync("deploy.sh").WaitAsync(Limit));

        Assert.Equal("Connection to deploy@web1 was lost while running 'deploy.sh': the server closed the connection", error.Message);
        Assert.Same(run.Web1, Assert.Single(run.Hosts.Evicted));
    }

    [Fact]
    public async Task OpenShell_wires_the_users_terminal_to_a_login_shell_and_types_the_first_command()
    {
        var terminal = new FakeTerminal();
        using var run = new FakeRun(terminal);
        run.Hosts.Script = async c =>
        {
            c.Out($"$ {await c.ReadLineAsync()}\r\n");
            return 0;
        };

        await OpenShellAsync("uptime").WaitAsync(Limit);

        Assert.Null(run.Web1.Commands[0].Request.CommandLine);
        Assert.Equal(new TerminalSize(132, 43), run.Web1.Commands[0].Request.Terminal);
        Assert.Equal("$ uptime\r\n", System.Text.Encoding.UTF8.GetString([.. terminal.Screen]));
    }

    [Fact]
    public async Task OpenShell_passes_window_size_changes_on_to_the_remote_terminal()
    {
        var terminal = new FakeTerminal();
        terminal.Resizes.Add(new TerminalSize(90, 20));
        using var run = new FakeRun(terminal);
        run.Hosts.Script = _ => Task.FromResult(0);

        await OpenShellAsync().WaitAsync(Limit);

        Assert.Equal([new TerminalSize(90, 20)], run.Web1.Commands[0].Resized);
        Assert.Equal(1, terminal.SizeWatchesEnded);
    }

    [Fact]
    public async Task OpenShell_without_a_terminal_aborts_clearly()
    {
        using var run = new FakeRun();

        var error = await Assert.ThrowsAsync<AbortException>(() => OpenShellAsync().WaitAsync(Limit));

        Assert.StartsWith("OpenShell on deploy@web1 needs a terminal", error.Message, StringComparison.Ordinal);
    }
}
