using Fabric.EndToEnd.Tests.Hosts;
using static Fabric.Api;

namespace Fabric.EndToEnd.Tests.Transfers;

/// <summary>
/// Put and Get on the servers of <see cref="RealHosts"/>: Dropbear with its <c>sftp-server</c> (SFTP), tinysshd (no SFTP,
/// one session per connection), OpenSSH accounts without an SFTP subsystem (POSIX commands: a noisy <c>~/.bashrc</c>, a
/// host without bash, <c>MaxSessions 1</c>), and accounts that run nothing (<c>nologin</c>, <c>/bin/false</c>). Each works
/// byte for byte, or fails with one line naming the host, the file and why; none leaves a copy behind.
/// </summary>
[Collection(RealHostsGroup.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RealHostTransferTests(RealHosts hosts)
{
    public static TheoryData<string> Working => ["dropbear", "tinysshd", "noisy", "nobash", "onesession"];

    private RealHost Host(string name) => name switch
    {
        "dropbear" => hosts.Dropbear.Host,
        "tinysshd" => hosts.Tinysshd.Host,
        "noisy" => hosts.Accounts.Noisy,
        "nobash" => hosts.NoBash.Host,
        "onesession" => hosts.Sessions.OneSession,
        "nologin" => hosts.Accounts.Nologin,
        "false" => hosts.Accounts.False,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Working))]
    public async Task Put_new_Put_over_Get_and_Get_of_a_glob_are_byte_identical_and_leave_nothing_behind(string name)
    {
        var host = Host(name);
        await using var t = new HostTransfer(host);
        var a = t.LocalFile("a.txt", "first file\n");
        var b = t.LocalFile("b b.txt", "second, with a space\n");
        File.WriteAllText(System.IO.Path.Combine(t.Remote, "b b.txt"), "old\n");
        SshdFixtureExec("chmod", "0640", System.IO.Path.Combine(t.Remote, "b b.txt"));

        await PutAsync(a, t.Remote + "/").WaitAsync(HostTransfer.Timeout);
        await PutAsync(b, t.Remote + "/b b.txt").WaitAsync(HostTransfer.Timeout);
        var back = System.IO.Path.Combine(t.Local, "back");
        var got = await GetAsync(t.Remote + "/*.txt", back + "/").WaitAsync(HostTransfer.Timeout);

        Assert.Equal(HostTransfer.Sha256(a), HostTransfer.Sha256(System.IO.Path.Combine(t.Remote, "a.txt")));
        Assert.Equal("second, with a space\n", File.ReadAllText(System.IO.Path.Combine(t.Remote, "b b.txt")));
        Assert.Equal("640", Convert.ToString((int)File.GetUnixFileMode(System.IO.Path.Combine(t.Remote, "b b.txt")), 8));
        Assert.Equal(2, got.Files.Count);
        Assert.Equal(HostTransfer.Sha256(a), HostTransfer.Sha256(System.IO.Path.Combine(back, "a.txt")));
        Assert.Equal(HostTransfer.Sha256(b), HostTransfer.Sha256(System.IO.Path.Combine(back, "b b.txt")));
        Assert.Empty(t.Leftovers());
    }

    [Theory]
    [MemberData(nameof(Working))]
    public async Task A_denied_Put_and_a_missing_Get_fail_with_one_line_naming_the_host_the_file_and_why(string name)
    {
        var host = Host(name);
        await using var t = new HostTransfer(host);
        var a = t.LocalFile("a.txt", "first file\n");

        var denied = await Assert.ThrowsAsync<AbortException>(() => PutAsync(a, "/root/fabric-denied.txt").WaitAsync(HostTransfer.Timeout));
        var missing = await Assert.ThrowsAsync<AbortException>(() => GetAsync(t.Remote + "/nothing.txt", t.Local + "/").WaitAsync(HostTransfer.Timeout));

        Assert.Equal($"put to {t.HostString} failed: /root/fabric-denied.txt: Permission denied.", denied.Message);
        Assert.StartsWith($"get from {t.HostString} failed: {t.Remote}/nothing.txt: ", missing.Message, StringComparison.Ordinal);
        Assert.Contains("No such file", missing.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', denied.Message + missing.Message);
        Assert.Empty(Directory.GetFiles("/root", "*fabric-denied*"));
    }

    [Theory]
    [InlineData("nologin")]
    [InlineData("false")]
    public async Task An_account_that_runs_nothing_and_has_no_sftp_fails_with_one_line_saying_so(string name)
    {
        await using var t = new HostTransfer(Host(name));
        var a = t.LocalFile("a.txt", "first file\n");

        var put = await Assert.ThrowsAsync<AbortException>(() => PutAsync(a, t.Remote + "/a.txt").WaitAsync(HostTransfer.Timeout));
        var get = await Assert.ThrowsAsync<AbortException>(() => GetAsync(t.Remote + "/a.txt", t.Local + "/").WaitAsync(HostTransfer.Timeout));

        Assert.StartsWith($"put to {t.HostString} failed: ", put.Message, StringComparison.Ordinal);
        Assert.Contains("runs no commands", put.Message, StringComparison.Ordinal);
        Assert.StartsWith($"get from {t.HostString} failed: ", get.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', put.Message + get.Message);
        Assert.False(File.Exists(System.IO.Path.Combine(t.Remote, "a.txt")));
    }

    [Fact]
    public async Task A_host_that_used_Put_and_Get_over_sftp_says_Disconnecting_once()
    {
        var t = new HostTransfer(hosts.Dropbear.Host);
        var a = t.LocalFile("a.txt", "first file\n");
        await PutAsync(a, t.Remote + "/a.txt").WaitAsync(HostTransfer.Timeout);
        await GetAsync(t.Remote + "/a.txt", t.Local + "/back.txt").WaitAsync(HostTransfer.Timeout);
        var session = t.Session;

        await t.DisposeAsync();

        Assert.Single(session.Text, l => l.Contains("Disconnecting from", StringComparison.Ordinal));
    }

    private static void SshdFixtureExec(params string[] command) => Ssh.SshdFixture.Exec(command[0], command[1..]);
}
