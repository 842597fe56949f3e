using static Fabric.Api;

namespace Fabric.EndToEnd.Tests.Ssh;

/// <summary>Keys held only by a real ssh-agent of the test's own.</summary>
[Collection(SshdGroup.Name)]
public sealed class AgentTests(SshdFixture sshd)
{
    [Theory]
    [InlineData("ed25519")]
    [InlineData("ecdsa")]
    [InlineData("rsa")]
    public async Task Key_only_in_the_agent_authenticates(string type)
    {
        var key = sshd.Path($"agent_{type}_{Guid.NewGuid():N}");
        SshdFixture.Exec("ssh-keygen", "-q", "-t", type, "-N", "", "-C", "fabric-agent-test", "-f", key);
        File.AppendAllText(sshd.Path("authorized_keys"), File.ReadAllText(key + ".pub"));
        using var agent = new TestSshAgent(sshd.Directory);
        agent.Add(key);
        File.Delete(key);
        var accepted = sshd.AcceptedPublicKeyLogins();
        await using var session = new SshSession(sshd.Options() with { KeyFiles = [], UseAgent = true, AgentSocket = agent.Socket });
        using var frame = SshSession.On(sshd.Frame(4));

        Assert.Equal(SshdFixture.OpsUser, Run("whoami").Stdout);
        Assert.Equal(accepted + 1, sshd.AcceptedPublicKeyLogins());
    }

    [Fact]
    public async Task No_agent_option_leaves_the_agent_keys_unused()
    {
        var key = sshd.Path($"agent_off_{Guid.NewGuid():N}");
        SshdFixture.Exec("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key);
        File.AppendAllText(sshd.Path("authorized_keys"), File.ReadAllText(key + ".pub"));
        using var agent = new TestSshAgent(sshd.Directory);
        agent.Add(key);
        await using var session = new SshSession(sshd.Options() with { KeyFiles = [], UseAgent = false, AgentSocket = agent.Socket });
        using var frame = SshSession.On(sshd.Frame(4));

        Assert.StartsWith("Authentication failed", Assert.Throws<AbortException>(() => Run("true")).Message, StringComparison.Ordinal);
    }
}
