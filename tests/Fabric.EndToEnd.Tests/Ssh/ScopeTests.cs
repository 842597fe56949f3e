using static Fabric.Api;

namespace Fabric.EndToEnd.Tests.Ssh;

[Collection(SshdGroup.Name)]
public sealed class ScopeTests(SshdFixture sshd)
{
    [Fact]
    public async Task Cd_prefix_and_shell_env_nest_and_quote_what_the_user_passes()
    {
        await using var session = new SshSession(sshd.Options());
        using var frame = SshSession.On(sshd.Frame(0));
        Run("mkdir -p '/tmp/fabric scope/it'\"'\"'s here'");
        const string tricky = "it's \"quoted\" $HOME `x` ; done";

        string output;
        using (Cd("/tmp/fabric scope"))
        using (ShellEnv("GREETING", tricky))
        using (Prefix("export LEVEL=outer"))
        using (Cd("it's here"))
        using (Prefix("export LEVEL=\"$LEVEL+inner\""))
        using (AddPath("/opt/fabric-test-bin"))
        {
            output = Run("pwd; printf '%s\\n' \"$GREETING\"; echo \"$LEVEL\"; echo \"$PATH\"");
        }

        var lines = output.Split('\n');
        Assert.Equal("/tmp/fabric scope/it's here", lines[0]);
        Assert.Equal(tricky, lines[1]);
        Assert.Equal("outer+inner", lines[2]);
        Assert.EndsWith(":/opt/fabric-test-bin", lines[3], StringComparison.Ordinal);
        Assert.NotEqual("/tmp/fabric scope/it's here", Run("pwd").Stdout);
    }

    [Fact]
    public async Task Scopes_flow_through_await()
    {
        await using var session = new SshSession(sshd.Options());
        using var frame = SshSession.On(sshd.Frame(0));

        string inside;
        using (Cd("/tmp"))
        {
            await Task.Yield();
            inside = (await RunAsync("pwd")).Stdout;
        }

        Assert.Equal("/tmp", inside);
    }

    [Fact]
    public async Task Hide_removes_output_lines_but_the_result_keeps_them()
    {
        await using var session = new SshSession(sshd.Options());
        using var frame = SshSession.On(sshd.Frame(0));

        CommandResult result;
        using (Hide("stdout"))
        {
            result = Run("echo secret-ish-output");
        }

        Assert.Equal("secret-ish-output", result.Stdout);
        Assert.DoesNotContain(session.Text, l => l.Contains("out: secret-ish-output", StringComparison.Ordinal));
        Assert.Contains(session.Text, l => l.EndsWith("run: echo secret-ish-output", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Quiet_hides_everything_and_does_not_abort_on_failure()
    {
        await using var session = new SshSession(sshd.Options());
        using var frame = SshSession.On(sshd.Frame(0));

        CommandResult result;
        using (Quiet())
        {
            result = Run("echo x; echo y >&2; exit 4");
        }

        Assert.Equal(4, result.ExitCode);
        Assert.Empty(session.Text);
    }
}
