using static Fabric.Api;

namespace Fabric.EndToEnd.Tests.Ssh;

[Collection(SshdGroup.Name)]
public sealed class AuthenticationTests(SshdFixture sshd)
{
    [Fact]
    public async Task Wrong_key_aborts_with_a_clear_authentication_error()
    {
        await using var session = new SshSession(sshd.Options() with { KeyFiles = [sshd.WrongClientKey] });
        using var frame = SshSession.On(sshd.Frame(0));

        var error = Assert.Throws<AbortException>(() => Run("true"));

        Assert.StartsWith($"Authentication failed for user '{SshdFixture.OpsUser}' on {sshd.Host(0).Original}", error.Message, StringComparison.Ordinal);
        Assert.Contains(sshd.WrongClientKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Password_login_works_and_the_password_is_never_shown()
    {
        await using var session = new SshSession(sshd.Options() with { KeyFiles = [], Password = SshdFixture.TestUserPassword });
        using var frame = SshSession.On(sshd.Frame(0, SshdFixture.TestUser));

        var who = Run("whoami").Stdout;

        Assert.Equal(SshdFixture.TestUser, who);
        Assert.DoesNotContain(SshdFixture.TestUserPassword, session.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(SshdFixture.TestUserPassword, session.Context.Ssh.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_password_aborts_clearly_without_showing_the_password()
    {
        const string wrong = "not-the-Password-5521";
        await using var session = new SshSession(sshd.Options() with { KeyFiles = [], Password = wrong });
        using var frame = SshSession.On(sshd.Frame(0, SshdFixture.TestUser));

        var error = Assert.Throws<AbortException>(() => Run("true"));

        Assert.StartsWith($"Authentication failed for user '{SshdFixture.TestUser}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("password", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, session.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_password_is_asked_when_no_key_is_accepted()
    {
        var prompt = new ScriptedPrompt(SshdFixture.TestUserPassword);
        await using var session = new SshSession(sshd.Options() with { KeyFiles = [sshd.WrongClientKey] }, prompt);
        using var frame = SshSession.On(sshd.Frame(1, SshdFixture.TestUser));

        Assert.Equal(SshdFixture.TestUser, Run("whoami").Stdout);
        Assert.Single(prompt.Questions);
    }

    [Fact]
    public async Task Encrypted_key_asks_its_passphrase_once()
    {
        var prompt = new ScriptedPrompt(SshdFixture.KeyPassphrase);
        await using var session = new SshSession(sshd.Options() with { KeyFiles = [sshd.EncryptedClientKey] }, prompt);
        for (var i = 0; i < 2; i++)
        {
            using var frame = SshSession.On(sshd.Frame(i));
            Assert.Equal(SshdFixture.OpsUser, Run("whoami").Stdout);
        }

        Assert.Equal([$"Passphrase for key {sshd.EncryptedClientKey}: "], prompt.Questions);
        Assert.DoesNotContain(SshdFixture.KeyPassphrase, session.AllText, StringComparison.Ordinal);
    }
}
