using static Fabric.Api;

namespace Fabric.EndToEnd.Tests.Ssh;

[Collection(SshdGroup.Name)]
public sealed class HostKeyTests(SshdFixture sshd)
{
    [Fact]
    public async Task Changed_host_key_aborts_before_any_command()
    {
        var options = sshd.Options();
        File.WriteAllText(options.KnownHostsFile!, sshd.KnownHostsLine(0, sshd.OtherHostKey) + "\n");
        var marker = $"/tmp/fabric-changed-key-{Guid.NewGuid():N}";
        var loginsBefore = sshd.AcceptedPublicKeyLogins();
        await using var session = new SshSession(options);
        using var frame = SshSession.On(sshd.Frame(0));

        var error = Assert.ThrowsAny<AbortException>(() => Run($"touch {marker}"));

        Assert.StartsWith($"Host key for {sshd.Host(0).Original} has changed", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(marker));
        Assert.Equal(loginsBefore, sshd.AcceptedPublicKeyLogins());
        Assert.Equal(sshd.KnownHostsLine(0, sshd.OtherHostKey) + "\n", File.ReadAllText(options.KnownHostsFile!));
    }

    [Fact]
    public async Task Hashed_known_hosts_entry_is_accepted()
    {
        var options = sshd.Options();
        File.WriteAllText(options.KnownHostsFile!, sshd.KnownHostsLine(1) + "\n");
        SshdFixture.Exec("ssh-keygen", "-H", "-f", options.KnownHostsFile!);
        var hashed = File.ReadAllText(options.KnownHostsFile!);
        Assert.StartsWith("|1|", hashed, StringComparison.Ordinal);
        await using var session = new SshSession(options);
        using var frame = SshSession.On(sshd.Frame(1));

        Assert.Equal("ok", Run("echo ok").Stdout);

        Assert.Equal(hashed, File.ReadAllText(options.KnownHostsFile!));
        Assert.DoesNotContain(session.Text, l => l.Contains("Warning", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unknown_host_is_added_to_known_hosts_with_a_warning()
    {
        var options = sshd.Options();
        await using (var session = new SshSession(options))
        {
            using var frame = SshSession.On(sshd.Frame(2));
            Run("true");
            Assert.Contains(session.Text, l => l.StartsWith($"Warning: Added [{SshdFixture.Address(2)}]:{sshd.Port} (ssh-ed25519)", StringComparison.Ordinal));
        }

        Assert.Equal(sshd.KnownHostsLine(2) + "\n", File.ReadAllText(options.KnownHostsFile!));
        await using (var again = new SshSession(options))
        {
            using var frame = SshSession.On(sshd.Frame(2));
            Run("true");
            Assert.DoesNotContain(again.Text, l => l.Contains("Warning", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Unknown_host_is_refused_under_reject_unknown_hosts()
    {
        var options = sshd.Options() with { RejectUnknownHosts = true };
        await using var session = new SshSession(options);
        using var frame = SshSession.On(sshd.Frame(2));

        var error = Assert.ThrowsAny<AbortException>(() => Run("true"));

        Assert.StartsWith($"Host key for {sshd.Host(2).Original} is not in {options.KnownHostsFile}", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(options.KnownHostsFile));
    }

    [Fact]
    public async Task Disabled_known_hosts_neither_checks_nor_writes()
    {
        var options = sshd.Options() with { DisableKnownHosts = true };
        await using var session = new SshSession(options);
        using var frame = SshSession.On(sshd.Frame(0));

        Run("true");

        Assert.False(File.Exists(options.KnownHostsFile));
    }

    [Fact]
    public async Task Malformed_known_hosts_line_is_skipped_with_a_warning()
    {
        var options = sshd.Options();
        File.WriteAllText(options.KnownHostsFile!, "garbage-without-a-key\n" + sshd.KnownHostsLine(0) + "\n");
        await using var session = new SshSession(options);
        using var frame = SshSession.On(sshd.Frame(0));

        Run("true");

        Assert.Contains(session.Text, l => l.Contains("line 1 is malformed", StringComparison.Ordinal));
    }

    [Theory(Timeout = 60_000)]
    [InlineData("rsa", true)]
    [InlineData("ecdsa", true)]
    [InlineData("rsa", false)]
    public async Task Host_known_by_its_rsa_or_ecdsa_key_only_connects_without_a_warning_and_adds_nothing(string type, bool rejectUnknown)
    {
        var options = sshd.Options() with { RejectUnknownHosts = rejectUnknown, CommandTimeout = TimeSpan.FromSeconds(30) };
        var line = sshd.KnownHostsLine(3, type == "rsa" ? sshd.RsaHostKey : sshd.EcdsaHostKey) + "\n";
        File.WriteAllText(options.KnownHostsFile!, line);
        await using var session = new SshSession(options);
        using var frame = SshSession.On(sshd.Frame(3));

        Assert.Equal("ok", (await RunAsync("echo ok")).Stdout);

        Assert.Equal(line, File.ReadAllText(options.KnownHostsFile!));
        Assert.DoesNotContain(session.Text, l => l.Contains("Warning", StringComparison.Ordinal));
    }

    [Fact(Timeout = 60_000)]
    public async Task Download_on_a_host_known_by_its_rsa_key_only_is_checked_against_that_key()
    {
        var options = sshd.Options() with { RejectUnknownHosts = true, CommandTimeout = TimeSpan.FromSeconds(30) };
        var line = sshd.KnownHostsLine(3, sshd.RsaHostKey) + "\n";
        File.WriteAllText(options.KnownHostsFile!, line);
        var local = sshd.Path($"get-{Guid.NewGuid():N}");
        await using var session = new SshSession(options);
        using var frame = SshSession.On(sshd.Frame(3));

        await GetAsync("/etc/hostname", local);

        Assert.Equal(File.ReadAllText("/etc/hostname"), File.ReadAllText(local));
        Assert.Equal(line, File.ReadAllText(options.KnownHostsFile!));
    }

    [Fact(Timeout = 60_000)]
    public async Task HostKeyAlgorithms_chooses_the_key_the_server_presents()
    {
        var options = sshd.Options() with { HostKeyAlgorithms = "ecdsa-sha2-nistp256", CommandTimeout = TimeSpan.FromSeconds(30) };
        await using var session = new SshSession(options);
        using var frame = SshSession.On(sshd.Frame(4));

        await RunAsync("true");

        Assert.Contains(session.Text, l => l.StartsWith($"Warning: Added [{SshdFixture.Address(4)}]:{sshd.Port} (ecdsa-sha2-nistp256)", StringComparison.Ordinal));
        Assert.Equal(sshd.KnownHostsLine(4, sshd.EcdsaHostKey) + "\n", File.ReadAllText(options.KnownHostsFile!));
    }
}
