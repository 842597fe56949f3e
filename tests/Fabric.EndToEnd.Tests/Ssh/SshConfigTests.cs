using Fabric.Engine.Ssh;
using Fabric.Engine.Execution;
using Fabric.Engine.Hosts;
using static Fabric.Api;

namespace Fabric.EndToEnd.Tests.Ssh;

/// <summary>Hosts reached through <c>~/.ssh/config</c> aliases: a config and a home folder of the test's own.</summary>
[Collection(SshdGroup.Name)]
public sealed class SshConfigTests(SshdFixture sshd)
{
    [Fact]
    public async Task Alias_with_host_name_port_user_and_identity_file_resolves_and_runs()
    {
        var home = Home();
        File.Copy(sshd.ClientKey, System.IO.Path.Combine(home, ".ssh", "id_fab_fabtest"));
        var config = Write(home, "config", $"""
            Host fab-alias
                HostName {SshdFixture.Address(1)}
                Port {sshd.Port}
                User {SshdFixture.TestUser}
                IdentityFile ~/.ssh/id_fab_%r
            """);
        var before = sshd.ConnectionsTo(1);
        await using var session = new SshSession(sshd.Options() with { KeyFiles = [], HomeDirectory = home, SshConfigFile = config });
        using var frame = SshSession.On(Alias("fab-alias"));

        var result = Run("whoami");

        Assert.Equal(SshdFixture.TestUser, result.Stdout);
        Assert.Equal("fab-alias", result.Host);
        Assert.Contains("[fab-alias] out: " + SshdFixture.TestUser, session.Text);
        Assert.Equal(before + 1, sshd.ConnectionsTo(1));
    }

    [Fact]
    public async Task Included_file_and_wildcard_patterns_apply_to_matching_aliases()
    {
        var home = Home();
        Directory.CreateDirectory(System.IO.Path.Combine(home, ".ssh", "config.d"));
        Write(home, "config.d/10-web.conf", $"""
            Host fab-web-* !fab-web-9
                HostName {SshdFixture.Address(2)}
                Port {sshd.Port}
            """);
        var config = Write(home, "config", $"""
            Include config.d/*.conf
            Host fab-web-?
                User {SshdFixture.TestUser}
            Host fab-web-9
                HostName {SshdFixture.Address(2)}
                Port 1
            Host *
                IdentityFile {sshd.ClientKey}
            """);
        var before = sshd.ConnectionsTo(2);
        await using var session = new SshSession(sshd.Options() with { KeyFiles = [], HomeDirectory = home, SshConfigFile = config });

        using (SshSession.On(Alias("fab-web-1")))
        {
            Assert.Equal(SshdFixture.TestUser, Run("whoami").Stdout);
        }

        using (SshSession.On(Alias("fab-web-9")))
        {
            // Negated in the included block, so its port is the later block's closed one.
            Assert.Contains("connection refused", Assert.Throws<UnreachableHostException>(() => Run("true")).Message, StringComparison.Ordinal);
        }

        Assert.Equal(before + 1, sshd.ConnectionsTo(2));
    }

    [Fact]
    public async Task Host_string_user_and_port_beat_the_config()
    {
        var home = Home();
        var config = Write(home, "config", $"""
            Host {SshdFixture.Address(0)}
                User {SshdFixture.TestUser}
                Port 1
            """);
        await using var session = new SshSession(sshd.Options() with { HomeDirectory = home, SshConfigFile = config });
        using var frame = SshSession.On(new ExecutionFrame("t", sshd.Host(0, SshdFixture.OpsUser), SshdFixture.OpsUser, sshd.Port));

        Assert.Equal(SshdFixture.OpsUser, Run("whoami").Stdout);
        Assert.Equal(SshdFixture.OpsUser, Env.User);
        Assert.Equal(sshd.Port, Env.Port);
    }

    [Fact]
    public async Task Env_user_and_port_in_a_task_are_the_configs_for_an_alias_that_names_neither()
    {
        var home = Home();
        var config = Write(home, "config", $"""
            Host fab-env
                HostName {SshdFixture.Address(1)}
                User {SshdFixture.TestUser}
                Port {sshd.Port}
            """);
        await using var session = new SshSession(sshd.Options() with { HomeDirectory = home, SshConfigFile = config });
        using var frame = SshSession.On(Alias("fab-env"));

        Assert.Equal(SshdFixture.TestUser, Env.User);
        Assert.Equal(sshd.Port, Env.Port);
        Assert.Equal(Env.User, Run("whoami").Stdout);
        Assert.Equal("fab-env", Env.HostString);
    }

    [Fact]
    public async Task Env_user_given_on_the_command_line_beats_the_configs_in_a_task()
    {
        var home = Home();
        var config = Write(home, "config", $"Host *\n  User {SshdFixture.TestUser}\n  Port 1\n");
        await using var session = new SshSession(sshd.Options() with { HomeDirectory = home, SshConfigFile = config });
        session.Context.Env.User = SshdFixture.OpsUser; // as -u fabops does
        session.Context.Env.Port = sshd.Port; // as --port does
        using var frame = SshSession.On(new ExecutionFrame("t", new HostString(SshdFixture.Address(0), null, SshdFixture.Address(0), null), SshdFixture.OpsUser, sshd.Port));

        Assert.Equal(SshdFixture.OpsUser, Env.User);
        Assert.Equal(sshd.Port, Env.Port);
        Assert.Equal(SshdFixture.OpsUser, Run("whoami").Stdout);
    }

    [Fact]
    public async Task Config_user_beats_the_default_user_unless_Use_ssh_config_is_false()
    {
        var home = Home();
        var config = Write(home, "config", $"Host *\n  User {SshdFixture.TestUser}\n");
        await using var session = new SshSession(sshd.Options() with { HomeDirectory = home, SshConfigFile = config });
        using var frame = SshSession.On(sshd.Frame(0));
        Assert.Equal(SshdFixture.TestUser, Run("whoami").Stdout);
        await session.Context.Connections.CloseAllAsync();

        session.Context.Env.UseSshConfig = false;

        Assert.Equal(SshdFixture.OpsUser, Run("whoami").Stdout);
    }

    [Fact]
    public async Task Strict_host_key_checking_yes_refuses_an_unknown_host()
    {
        var home = Home();
        var config = Write(home, "config", $"Host fab-strict\n  HostName {SshdFixture.Address(3)}\n  Port {sshd.Port}\n  StrictHostKeyChecking yes\n  UserKnownHostsFile ~/kh\n");
        await using var session = new SshSession(sshd.Options() with { KnownHostsFile = null, HomeDirectory = home, SshConfigFile = config });
        using var frame = SshSession.On(Alias("fab-strict"));

        var error = Assert.ThrowsAny<AbortException>(() => Run("true"));

        Assert.Contains("not in " + System.IO.Path.Combine(home, "kh"), error.Message, StringComparison.Ordinal);
    }

    private static ExecutionFrame Alias(string alias) => new("t", new HostString(alias, null, alias, null), SshdFixture.OpsUser, 22);

    private string Home()
    {
        var home = sshd.Path("home-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(System.IO.Path.Combine(home, ".ssh"));
        return home;
    }

    private static string Write(string home, string name, string text)
    {
        var path = System.IO.Path.Combine(home, ".ssh", name);
        File.WriteAllText(path, text + "\n");
        return path;
    }
}
