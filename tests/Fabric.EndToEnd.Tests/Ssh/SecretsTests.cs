using Fabric.Engine.Output;
using static Fabric.Api;

namespace Fabric.EndToEnd.Tests.Ssh;

/// <summary>A run that uses every kind of secret: none of them appears in any line of output, hidden lines included.</summary>
[Collection(SshdGroup.Name)]
public sealed class SecretsTests(SshdFixture sshd)
{
    [Fact]
    public async Task No_password_passphrase_or_declared_secret_appears_in_any_output_at_any_verbosity()
    {
        const string apiToken = "tok-5511-declared";
        const string scoped = "scoped-8842-secret";
        var prompt = new ScriptedPrompt(SshdFixture.KeyPassphrase, SshdFixture.TestUserPassword);
        var options = sshd.Options() with { KeyFiles = [sshd.EncryptedClientKey] };
        await using (var session = new SshSession(options, prompt))
        {
            Env.Secrets.Add(apiToken);
            using (SshSession.On(sshd.Frame(0, user: SshdFixture.TestUser)))
            {
                Run($"echo {apiToken}");
                Sudo("whoami");
                using (Secrets(scoped))
                {
                    Run($"echo {scoped} {SshdFixture.TestUserPassword}; echo {SshdFixture.KeyPassphrase} >&2", warnOnly: true);
                    Assert.Throws<CommandFailedException>(() => Run($"echo {scoped} >&2; exit 4"));
                }
            }

            var every = string.Join('\n', session.Sink.Lines.Select(OutputFormatter.Format));
            Assert.Contains("[fabtest@127.0.0.2", every, StringComparison.Ordinal);
            Assert.Contains("out: ****", every, StringComparison.Ordinal);
            Assert.Contains("executing: ", every, StringComparison.Ordinal);
            foreach (var secret in new[] { apiToken, scoped, SshdFixture.TestUserPassword, SshdFixture.KeyPassphrase })
            {
                Assert.DoesNotContain(secret, every, StringComparison.Ordinal);
            }
        }

        Assert.Equal(2, prompt.Questions.Count);
    }
}
