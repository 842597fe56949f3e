using static Fabric.Api;

namespace Fabric.EndToEnd.Tests.Ssh;

[Collection(SshdGroup.Name)]
public sealed class SudoTests(SshdFixture sshd)
{
    [Fact]
    public async Task Sudo_runs_as_root_and_prints_a_sudo_line()
    {
        await using var session = new SshSession(sshd.Options());
        using var frame = SshSession.On(sshd.Frame(0));

        var result = Sudo("whoami");

        Assert.Equal("root", result.Stdout);
        Assert.Equal("sudo", result.Kind);
        Assert.Contains($"[{sshd.Host(0).Original}] sudo: whoami", session.Text);
    }

    [Fact]
    public async Task Sudo_with_user_runs_as_that_user()
    {
        await using var session = new SshSession(sshd.Options());
        using var frame = SshSession.On(sshd.Frame(0));

        Assert.Equal(SshdFixture.TestUser, Sudo("whoami", user: SshdFixture.TestUser).Stdout);
    }

    [Fact]
    public async Task Sudo_password_is_asked_once_per_host_and_never_shown()
    {
        var prompt = new ScriptedPrompt(SshdFixture.TestUserPassword);
        await using var session = new SshSession(sshd.Options(), prompt);
        using var frame = SshSession.On(sshd.Frame(1, SshdFixture.TestUser));

        var first = Sudo("whoami");
        var second = Sudo("id -un; echo done >&2");

        Assert.Equal("root", first.Stdout);
        Assert.Equal("root", second.Stdout);
        Assert.Equal("done", second.Stderr);
        Assert.Single(prompt.Questions);
        Assert.DoesNotContain(SshdFixture.TestUserPassword, session.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("fabric-sudo-", session.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("fabric-sudo-", second.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sudo_without_a_shell_in_a_cd_and_path_scope_runs_the_command_itself_in_that_folder()
    {
        await using var session = new SshSession(sshd.Options());
        session.Context.Env.SudoPassword = SshdFixture.TestUserPassword;
        using var frame = SshSession.On(sshd.Frame(2, SshdFixture.TestUser));

        CommandResult result;
        using (Cd("/usr"))
        using (AddPath("/opt/fab-none", PathBehavior.Prepend))
        {
            result = Sudo("pwd", user: SshdFixture.TestUser, shell: false);
        }

        Assert.Equal("/usr", result.Stdout);
    }

    [Fact]
    public async Task Sudo_uses_Env_SudoPassword_without_asking()
    {
        var prompt = new ScriptedPrompt();
        await using var session = new SshSession(sshd.Options(), prompt);
        session.Context.Env.SudoPassword = SshdFixture.TestUserPassword;
        using var frame = SshSession.On(sshd.Frame(2, SshdFixture.TestUser));

        Assert.Equal("root", Sudo("whoami").Stdout);
        Assert.Empty(prompt.Questions);
    }

    [Fact]
    public async Task Sudo_needing_a_password_with_no_terminal_aborts_clearly()
    {
        await using var session = new SshSession(sshd.Options());
        using var frame = SshSession.On(sshd.Frame(1, SshdFixture.TestUser));

        var error = Assert.ThrowsAny<AbortException>(() => Sudo("whoami"));

        Assert.StartsWith($"sudo on {sshd.Host(1, SshdFixture.TestUser).Original} needs a password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_sudo_password_aborts_without_showing_it()
    {
        const string wrong = "wrong-sudo-pw-8812";
        await using var session = new SshSession(sshd.Options() with { Password = wrong });
        using var frame = SshSession.On(sshd.Frame(1, SshdFixture.TestUser));

        var error = Assert.ThrowsAny<AbortException>(() => Sudo("whoami"));

        Assert.Contains("refused the password", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, session.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, error.ToString(), StringComparison.Ordinal);
    }
}
