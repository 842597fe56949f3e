using static Fabric.Api;

namespace Fabric.EndToEnd.Tests.Ssh;

[Collection(SshdGroup.Name)]
public sealed class RunTests(SshdFixture sshd)
{
    [Fact]
    public async Task Run_on_three_hosts_runs_on_each_in_host_order()
    {
        await using var session = new SshSession(sshd.Options());
        var answers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using (SshSession.On(sshd.Frame(i)))
            {
                answers.Add(Run("echo \"$SSH_CONNECTION\" | cut -d' ' -f3"));
            }
        }

        Assert.Equal([SshdFixture.Address(0), SshdFixture.Address(1), SshdFixture.Address(2)], answers);
        var expected = Enumerable.Range(0, 3).SelectMany(i => new[]
        {
            $"[{sshd.Host(i).Original}] run: echo \"$SSH_CONNECTION\" | cut -d' ' -f3",
            $"[{sshd.Host(i).Original}] out: {SshdFixture.Address(i)}",
        });
        Assert.Equal(expected, session.Text.Where(l => !l.Contains("Warning", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Result_holds_stdout_stderr_and_exit_code_and_streams_both()
    {
        await using var session = new SshSession(sshd.Options());
        using var frame = SshSession.On(sshd.Frame(0));

        var result = await RunAsync("echo one; echo two >&2; echo three; exit 3", warnOnly: true);

        Assert.Equal("one\nthree", result.Stdout);
        Assert.Equal("two", result.Stderr);
        Assert.Equal(3, result.ExitCode);
        Assert.True(result.Failed);
        Assert.Equal("run", result.Kind);
        Assert.StartsWith("/bin/bash -l -c ", result.ExecutedCommand, StringComparison.Ordinal);
        var host = sshd.Host(0).Original;
        Assert.Contains($"[{host}] out: one", session.Text);
        Assert.Contains($"[{host}] err: two", session.Text);
        Assert.Contains(session.Text, l => l.StartsWith($"[{host}] Warning: run 'echo one;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Failed_command_aborts_with_CommandFailedException_outside_warn_only()
    {
        await using var session = new SshSession(sshd.Options());
        using var frame = SshSession.On(sshd.Frame(0));

        var error = Assert.Throws<CommandFailedException>(() => Run("echo nope >&2; false"));

        Assert.Equal(1, error.Result.ExitCode);
        Assert.Contains("nope", error.Message, StringComparison.Ordinal);
        Assert.Contains(sshd.Host(0).Original, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Warn_only_scope_turns_a_failure_into_a_warning_and_a_failed_result()
    {
        await using var session = new SshSession(sshd.Options());
        using var frame = SshSession.On(sshd.Frame(0));

        CommandResult result;
        using (WarnOnly())
        {
            result = Run("exit 7");
        }

        Assert.Equal(7, result.ExitCode);
        Assert.Contains(session.Text, l => l.Contains("Warning: run 'exit 7'", StringComparison.Ordinal));
        Assert.Throws<CommandFailedException>(() => Run("exit 7"));
    }

    [Fact]
    public async Task Command_without_a_host_aborts_clearly_and_connects_nowhere()
    {
        await using var session = new SshSession(sshd.Options());

        var error = Assert.Throws<AbortException>(() => Run("true"));

        Assert.Contains("needs a host", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, session.Context.Connections.OpenCount);
    }

    [Fact]
    public async Task Command_without_a_host_asks_for_one_once_on_a_terminal_and_runs_there()
    {
        var prompt = new ScriptedPrompt($"{SshdFixture.Address(1)}:{sshd.Port}");
        await using var session = new SshSession(sshd.Options(), prompt);
        session.Context.Env.User = SshdFixture.OpsUser; // as -u does

        var first = Run("echo \"$SSH_CONNECTION\" | cut -d' ' -f3");
        var second = Run("echo again");

        Assert.Equal(SshdFixture.Address(1), first.Stdout);
        Assert.Equal("again", second.Stdout);
        Assert.Equal(["No hosts found. Please specify a host string for connection:"], prompt.Questions);
    }
}
