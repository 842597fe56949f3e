using Fabric.Engine.Ssh;

namespace Fabric.Tests.Engine.Ssh;

public sealed class SshConfigFileTests
{
    [Fact]
    public void Alias_block_gives_host_name_user_port_and_key()
    {
        var config = Parse("""
            Host web1
                HostName 127.0.0.5
                User deploy
                Port 2222
                IdentityFile ~/.ssh/web_key
            """);

        var web1 = config.Lookup("web1");

        Assert.Equal(("127.0.0.5", "deploy", 2222), (web1.HostName, web1.User, web1.Port));
        Assert.Equal(["~/.ssh/web_key"], web1.IdentityFiles);
        Assert.Null(config.Lookup("web2").HostName);
    }

    [Fact]
    public void KexAlgorithms_is_read_from_the_host_block()
    {
        var config = Parse("""
            Host web1
                KexAlgorithms ^curve25519-sha256
            """);

        Assert.Equal("^curve25519-sha256", config.Lookup("web1").KexAlgorithms);
        Assert.Null(config.Lookup("web2").KexAlgorithms);
    }

    [Fact]
    public void HostKeyAlgorithms_is_read_from_the_host_block()
    {
        var config = Parse("""
            Host web1
                HostKeyAlgorithms +ssh-ed25519-cert-v01@openssh.com
            """);

        Assert.Equal("+ssh-ed25519-cert-v01@openssh.com", config.Lookup("web1").HostKeyAlgorithms);
        Assert.Null(config.Lookup("web2").HostKeyAlgorithms);
    }

    [Fact]
    public void First_value_wins_across_blocks_but_identity_files_accumulate()
    {
        var config = Parse("""
            Host web*
                User deploy
                IdentityFile a
            Host *
                User nobody
                Port 2200
                IdentityFile b
            """);

        var web = config.Lookup("web7");

        Assert.Equal(("deploy", 2200), (web.User, web.Port));
        Assert.Equal(["a", "b"], web.IdentityFiles);
        Assert.Equal("nobody", config.Lookup("db").User);
    }

    [Fact]
    public void Several_patterns_and_negation_on_one_host_line()
    {
        var config = Parse("""
            Host web* db1 !web3
                User ops
            """);

        Assert.Equal("ops", config.Lookup("db1").User);
        Assert.Equal("ops", config.Lookup("web1").User);
        Assert.Null(config.Lookup("web3").User);
    }

    [Fact]
    public void Keywords_are_case_insensitive_and_may_use_equals_quotes_and_comments()
    {
        var config = Parse("""
            # a comment
            HOST web1
              hostname=127.0.0.5   # trailing comment
              IdentityFile "~/my keys/id"
            """);

        var web1 = config.Lookup("web1");

        Assert.Equal("127.0.0.5", web1.HostName);
        Assert.Equal(["~/my keys/id"], web1.IdentityFiles);
    }

    [Fact]
    public void Lines_before_any_host_apply_to_every_host() =>
        Assert.Equal("early", Parse("User early\nHost web1\n  User late").Lookup("web1").User);

    [Fact]
    public void Match_block_is_skipped_with_a_warning()
    {
        var warnings = new List<string>();
        var config = SshConfigFile.Parse("cfg", ["Match host web1 exec true", "  User matched", "Host *", "  User star"], _ => [], warnings);

        Assert.Equal("star", config.Lookup("web1").User);
        Assert.Contains(warnings, w => w.Contains("cfg line 1", StringComparison.Ordinal) && w.Contains("Match", StringComparison.Ordinal));
    }

    [Fact]
    public void Match_all_applies_to_every_host() =>
        Assert.Equal("everyone", Parse("Host web1\n  Port 2\nMatch all\n  User everyone").Lookup("db").User);

    [Fact]
    public void Other_keys_are_read_and_typed()
    {
        var web = Parse("""
            Host web1
              IdentitiesOnly yes
              ProxyJump bastion,inner:2222
              ConnectTimeout 1m30s
              ServerAliveInterval 15
              ServerAliveCountMax 4
              StrictHostKeyChecking accept-new
              UserKnownHostsFile ~/.ssh/kh1 ~/.ssh/kh2
            """).Lookup("web1");

        Assert.True(web.IdentitiesOnly);
        Assert.Equal("bastion,inner:2222", web.ProxyJump);
        Assert.Equal(TimeSpan.FromSeconds(90), web.ConnectTimeout);
        Assert.Equal((TimeSpan.FromSeconds(15), 4), (web.ServerAliveInterval, web.ServerAliveCountMax));
        Assert.Equal("accept-new", web.StrictHostKeyChecking);
        Assert.Equal(["~/.ssh/kh1", "~/.ssh/kh2"], web.UserKnownHostsFiles);
    }

    [Theory]
    [InlineData("Port abc")]
    [InlineData("Port 70000")]
    [InlineData("ConnectTimeout soon")]
    [InlineData("StrictHostKeyChecking maybe")]
    [InlineData("User")]
    public void Bad_value_names_the_file_and_line(string line)
    {
        var error = Assert.Throws<FormatException>(() => Parse($"Host x\n  {line}"));

        Assert.StartsWith("cfg line 2:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_keys_are_ignored() =>
        Assert.Equal("u", Parse("Host *\n  ForwardX11 yes\n  User u").Lookup("a").User);

    [Fact]
    public void Include_inside_a_host_block_applies_only_to_that_block()
    {
        var included = Parse("User from-include");
        var config = SshConfigFile.Parse("cfg", ["Host web*", "  Include extra", "Host *", "  User other"], _ => [included], []);

        Assert.Equal("from-include", config.Lookup("web1").User);
        Assert.Equal("other", config.Lookup("db1").User);
    }

    [Fact]
    public void Host_line_inside_an_included_file_does_not_leak_into_the_includer()
    {
        var included = Parse("Host db*\n  User db-user");
        var config = SshConfigFile.Parse("cfg", ["Include extra", "User top"], _ => [included], []);

        Assert.Equal("top", config.Lookup("web1").User);
        Assert.Equal("db-user", config.Lookup("db1").User);
    }

    [Fact]
    public void Include_globs_relative_to_the_ssh_folder_in_lexical_order()
    {
        var home = Path.Combine(Path.GetTempPath(), "fabric-sshcfg-" + Guid.NewGuid().ToString("N")[..8]);
        var ssh = Path.Combine(home, ".ssh");
        Directory.CreateDirectory(Path.Combine(ssh, "config.d"));
        try
        {
            File.WriteAllText(Path.Combine(ssh, "config.d", "20-web.conf"), "Host web1\n  User second\n  Port 2020\n");
            File.WriteAllText(Path.Combine(ssh, "config.d", "10-web.conf"), "Host web1\n  User first\n");
            File.WriteAllText(Path.Combine(ssh, "config.d", "ignored.txt"), "Host web1\n  Port 1\n");
            File.WriteAllText(Path.Combine(home, "cfg"), "Include config.d/*.conf ~/.ssh/absent\n");

            var config = SshConfigFile.Load(Path.Combine(home, "cfg"), ssh, home, []);

            var web1 = config.Lookup("web1");
            Assert.Equal(("first", 2020), (web1.User, web1.Port));
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    [Fact]
    public void Missing_file_is_an_empty_config() =>
        Assert.Null(SshConfigFile.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N")), "/nonexistent", "/nonexistent", []).Lookup("a").User);

    private static SshConfigFile Parse(string text) => SshConfigFile.Parse("cfg", text.Split('\n'), _ => [], []);
}
