using Fabric.Engine.Ssh;

namespace Fabric.Tests.Engine.Ssh;

public sealed class SshHostSettingsTests
{
    private static readonly SshOptions Options = new() { HomeDirectory = "/home/injected", UseDefaultKeyFiles = false };

    private static readonly SshHostConfig Config = new()
    {
        HostName = "%h.internal",
        User = "deploy",
        Port = 2222,
        IdentityFiles = ["~/.ssh/id_%r"],
        ProxyJump = "bastion",
        ConnectTimeout = TimeSpan.FromSeconds(3),
        StrictHostKeyChecking = "yes",
        UserKnownHostsFiles = ["%d/kh"],
    };

    [Fact]
    public void Config_beats_defaults_for_user_port_and_host_name()
    {
        var host = SshHostSettings.Of(Defaulted("web1"), Options, Config, gateway: null);

        Assert.Equal(("web1.internal", "deploy", 2222), (host.HostName, host.User, host.Port));
        Assert.Equal(["/home/injected/.ssh/id_deploy"], host.KeyFiles);
    }

    [Fact]
    public void Host_string_and_command_line_beat_the_config()
    {
        var target = new ConnectionTarget("admin@web1:22", "web1", "admin", 22);

        var host = SshHostSettings.Of(target, Options with { ConnectTimeout = TimeSpan.FromSeconds(9), ConnectTimeoutGiven = true, KeyFiles = ["/k"] }, Config, gateway: null);

        Assert.Equal(("admin", 22), (host.User, host.Port));
        Assert.Equal(TimeSpan.FromSeconds(9), host.Options.ConnectTimeout);
        Assert.Equal(["/k", "/home/injected/.ssh/id_admin"], host.KeyFiles);
    }

    [Fact]
    public void Config_sets_timeout_known_hosts_and_strict_checking()
    {
        var host = SshHostSettings.Of(Defaulted("web1"), Options, Config, gateway: null);

        Assert.Equal(TimeSpan.FromSeconds(3), host.Options.ConnectTimeout);
        Assert.Equal("/home/injected/kh", host.Options.KnownHostsPath);
        Assert.True(host.Options.RejectUnknownHosts);
    }

    [Fact]
    public void Known_hosts_option_beats_the_config() =>
        Assert.Equal("/kh", SshHostSettings.Of(Defaulted("web1"), Options with { KnownHostsFile = "/kh" }, Config, null).Options.KnownHostsPath);

    [Fact]
    public void Gateway_beats_proxy_jump_and_chains_split_on_commas()
    {
        Assert.Equal(["bastion"], SshHostSettings.Of(Defaulted("web1"), Options, Config, null).Jumps);
        Assert.Equal(["gw1", "u@gw2:2200"], SshHostSettings.Of(Defaulted("web1"), Options, Config, "gw1, u@gw2:2200").Jumps);
        Assert.Empty(SshHostSettings.Of(Defaulted("web1"), Options, Config with { ProxyJump = "none" }, null).Jumps);
    }

    [Fact]
    public void HostKeyAlgorithms_comes_from_the_config_unless_the_options_set_it()
    {
        var config = Config with { HostKeyAlgorithms = "-ssh-rsa" };

        Assert.Equal("-ssh-rsa", SshHostSettings.Of(Defaulted("web1"), Options, config, null).Options.HostKeyAlgorithms);
        Assert.Equal("ssh-ed25519", SshHostSettings.Of(Defaulted("web1"), Options with { HostKeyAlgorithms = "ssh-ed25519" }, config, null).Options.HostKeyAlgorithms);
    }

    [Fact]
    public void Without_config_everything_is_the_target_and_defaults()
    {
        var host = SshHostSettings.Of(Defaulted("127.1.1.1"), Options, SshHostConfig.None, null);

        Assert.Equal(("127.1.1.1", "me", 22), (host.HostName, host.User, host.Port));
        Assert.Empty(host.Jumps);
        Assert.False(host.Options.RejectUnknownHosts);
    }

    private static ConnectionTarget Defaulted(string alias) => new(alias, alias, "me", 22) { UserGiven = false, PortGiven = false };
}
