using System.Text;
using Fabric.EndToEnd.Tests.Hosts;
using Fabric.EndToEnd.Tests.Ssh;
using static Fabric.Api;

namespace Fabric.EndToEnd.Tests.Transfers;

/// <summary>
/// Transfers against OpenSSH with its SFTP subsystem: any file name round-trips, a name that is not UTF-8 is reported,
/// a local name with glob characters is taken literally, a glob of several files onto one file is refused, SFTP and a
/// hash command share a <c>MaxSessions 1</c> connection, an SFTP-only account (<c>ForceCommand internal-sftp</c>) transfers,
/// and <c>useSudo</c> leaves nothing behind on success, failure, a dropped connection or a cancellation.
/// </summary>
[Collection(SshdGroup.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SftpTransferTests(SshdFixture sshd)
{
    private HostTransfer On(int port = 0, string address = "127.0.0.2") =>
        new(SshdFixture.TestUser, address, port == 0 ? sshd.Port : port, sshd.ClientKey, sshd.Path($"known_hosts-{Guid.NewGuid():N}"), SshdFixture.TestUserPassword, TestAccounts.Home(SshdFixture.TestUser));

    [Fact]
    public async Task Names_with_emoji_spaces_quotes_dollars_backticks_and_brackets_round_trip()
    {
        await using var t = On();
        string[] names = ["emoji 😀.txt", "it's \"quoted\".txt", "$HOME and `id`.txt", "[bracket] (x) {y}.txt", "-dash.txt"];
        foreach (var name in names)
        {
            t.LocalFile(name, "content of " + name);
        }

        foreach (var name in names)
        {
            await PutAsync(System.IO.Path.Combine(t.Local, name), t.Remote + "/").WaitAsync(HostTransfer.Timeout);
        }

        var back = System.IO.Path.Combine(t.Local, "back");
        var got = await GetAsync(t.Remote + "/*", back + "/").WaitAsync(HostTransfer.Timeout);

        Assert.Equal(names.Length, got.Files.Count);
        foreach (var name in names)
        {
            Assert.Equal("content of " + name, File.ReadAllText(System.IO.Path.Combine(t.Remote, name)));
            Assert.Equal("content of " + name, File.ReadAllText(System.IO.Path.Combine(back, name)));
        }

        Assert.Empty(t.Leftovers());
    }

    [Fact]
    public async Task A_remote_name_that_is_not_utf8_is_reported_by_name_and_the_others_are_fetched()
    {
        await using var t = On();
        File.WriteAllText(System.IO.Path.Combine(t.Remote, "plain.txt"), "plain\n");
        SshdFixture.Exec("sh", "-c", $"printf 'latin\\n' > \"$(printf '{t.Remote}/caf\\351.txt')\"");

        var warned = await Assert.ThrowsAsync<AbortException>(() => GetAsync(t.Remote + "/*.txt", t.Local + "/back/").WaitAsync(HostTransfer.Timeout));

        Assert.Contains($"{t.Remote}/caf\\xE9.txt: its name is not valid UTF-8", warned.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', warned.Message);
        Assert.Equal("plain\n", File.ReadAllText(System.IO.Path.Combine(t.Local, "back", "plain.txt")));
    }

    [Fact]
    public async Task A_local_file_whose_name_has_glob_characters_is_sent_as_itself()
    {
        await using var t = On();
        var star = t.LocalFile("star*name.txt", "the star\n");
        t.LocalFile("starXname.txt", "not this one\n");

        await PutAsync(star, t.Remote + "/star*name.txt").WaitAsync(HostTransfer.Timeout);

        Assert.Equal(["star*name.txt"], Directory.GetFileSystemEntries(t.Remote).Select(System.IO.Path.GetFileName));
        Assert.Equal("the star\n", File.ReadAllText(System.IO.Path.Combine(t.Remote, "star*name.txt")));
    }

    [Fact]
    public async Task A_glob_of_several_files_onto_a_path_that_is_not_a_folder_is_refused_before_anything_is_written()
    {
        await using var t = On();
        t.LocalFile("one.pub", "key one\n");
        t.LocalFile("two.pub", "key two\n");
        File.WriteAllText(System.IO.Path.Combine(t.Remote, "authorized_keys"), "existing\n");

        var refused = await Assert.ThrowsAsync<AbortException>(() => PutAsync(t.Local + "/*.pub", t.Remote + "/authorized_keys").WaitAsync(HostTransfer.Timeout));

        Assert.Contains("matches 2 files, but", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was sent", refused.Message, StringComparison.Ordinal);
        Assert.Equal("existing\n", File.ReadAllText(System.IO.Path.Combine(t.Remote, "authorized_keys")));
        Assert.Single(Directory.GetFileSystemEntries(t.Remote));
    }

    [Fact]
    public async Task Sftp_and_the_hash_command_share_a_MaxSessions_1_connection()
    {
        using var server = new Transport.OneTestSshd(sshd, "MaxSessions 1");
        await using var t = On(server.Port, server.Address);
        var a = t.LocalFile("a.bin", new string('x', 3_000_000));

        try
        {
            using var debug = Show("debug");
            await PutAsync(a, t.Remote + "/a.bin").WaitAsync(HostTransfer.Timeout);
            await GetAsync(t.Remote + "/a.bin", t.Local + "/back.bin").WaitAsync(HostTransfer.Timeout);
        }
        catch (TimeoutException)
        {
            Assert.Fail(t.Session.AllText + "\n" + server.Log());
        }

        Assert.Equal(HostTransfer.Sha256(a), HostTransfer.Sha256(t.Remote + "/a.bin"));
        Assert.Equal(HostTransfer.Sha256(a), HostTransfer.Sha256(t.Local + "/back.bin"));
        Assert.Single(server.Log().Split('\n'), l => l.Contains("Accepted publickey for", StringComparison.Ordinal));
        Assert.Empty(t.Leftovers());
    }

    [Fact]
    public async Task An_sftp_only_account_puts_over_a_file_gets_a_glob_and_reports_a_denied_put_and_a_missing_get()
    {
        using var server = new Transport.OneTestSshd(sshd, $"Match User {SshdFixture.TestUser}\n    ForceCommand internal-sftp");
        await using var t = On(server.Port, server.Address);
        var a = t.LocalFile("a.txt", "new content\n");
        File.WriteAllText(System.IO.Path.Combine(t.Remote, "a.txt"), "old\n");
        File.SetUnixFileMode(System.IO.Path.Combine(t.Remote, "a.txt"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        SshdFixture.Exec("chown", SshdFixture.TestUser, System.IO.Path.Combine(t.Remote, "a.txt"));

        await PutAsync(a, t.Remote + "/a.txt").WaitAsync(HostTransfer.Timeout);
        var got = await GetAsync(t.Remote + "/*.txt", t.Local + "/back/").WaitAsync(HostTransfer.Timeout);
        var denied = await Assert.ThrowsAsync<AbortException>(() => PutAsync(a, "/root/fabric-denied.txt").WaitAsync(HostTransfer.Timeout));
        var missing = await Assert.ThrowsAsync<AbortException>(() => GetAsync(t.Remote + "/nothing.txt", t.Local + "/").WaitAsync(HostTransfer.Timeout));

        Assert.Equal("new content\n", File.ReadAllText(System.IO.Path.Combine(t.Remote, "a.txt")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(System.IO.Path.Combine(t.Remote, "a.txt")));
        Assert.Equal("new content\n", File.ReadAllText(System.IO.Path.Combine(t.Local, "back", "a.txt")));
        Assert.Single(got.Files);
        Assert.Equal($"put to {t.HostString} failed: /root/fabric-denied.txt: Permission denied.", denied.Message);
        Assert.Equal($"get from {t.HostString} failed: {t.Remote}/nothing.txt: No such file.", missing.Message);
        Assert.Empty(t.Leftovers());
    }

    [Fact]
    public async Task A_sudo_Put_leaves_nothing_in_tmp_whether_it_works_or_fails()
    {
        await using var t = On();
        var a = t.LocalFile("a.txt", "as root\n");

        await PutAsync(a, t.Remote + "/root-owned.txt", useSudo: true).WaitAsync(HostTransfer.Timeout);
        var failed = await Assert.ThrowsAsync<AbortException>(() => PutAsync(a, "/proc/fabric-cannot.txt", useSudo: true).WaitAsync(HostTransfer.Timeout));

        Assert.Equal("as root\n", File.ReadAllText(System.IO.Path.Combine(t.Remote, "root-owned.txt")));
        Assert.Equal("root", SshdFixture.Exec("stat", "-c", "%U", System.IO.Path.Combine(t.Remote, "root-owned.txt")).Trim());
        Assert.StartsWith($"put to {t.HostString} failed: /proc/fabric-cannot.txt: ", failed.Message, StringComparison.Ordinal);
        Assert.Empty(t.Leftovers());
    }

    [Fact]
    public async Task A_sudo_Get_reads_a_file_only_root_can_read()
    {
        await using var t = On();
        var secret = System.IO.Path.Combine(t.Remote, "secret.txt");
        File.WriteAllText(secret, "root only\n");
        SshdFixture.Exec("chown", "root:root", secret);
        File.SetUnixFileMode(secret, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var got = await GetAsync(secret, t.Local + "/", useSudo: true).WaitAsync(HostTransfer.Timeout);

        Assert.Single(got.Files);
        Assert.Equal("root only\n", File.ReadAllText(System.IO.Path.Combine(t.Local, "secret.txt")));
    }

    [Fact]
    public async Task A_sudo_Put_cut_by_a_dropped_connection_or_cancelled_leaves_no_staged_copy()
    {
        using var server = new Transport.OneTestSshd(sshd, "");
        var big = new byte[64 * 1024 * 1024];
        foreach (var cut in new[] { "dropped", "cancelled" })
        {
            await using var t = On(server.Port, server.Address);
            var file = System.IO.Path.Combine(t.Local, "big.bin");
            await File.WriteAllBytesAsync(file, big);
            using var cancel = new CancellationTokenSource();
            var put = PutAsync(file, t.Remote + "/big.bin", useSudo: true, cancellationToken: cancel.Token);
            await WhenStagedAsync(t);
            if (cut == "dropped")
            {
                server.KillConnections();
            }
            else
            {
                await cancel.CancelAsync();
            }

            await Assert.ThrowsAnyAsync<Exception>(() => put.WaitAsync(HostTransfer.Timeout));

            Assert.Empty(t.Leftovers());
            Assert.False(File.Exists(System.IO.Path.Combine(t.Remote, "big.bin")), cut);
        }
    }

    /// <summary>Waits until a sudo Put's staged copy is on its way into its private folder, which is the login user's, 0700.</summary>
    private static async Task WhenStagedAsync(HostTransfer t)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < HostTransfer.Timeout)
        {
            var staged = t.Leftovers().FirstOrDefault(p => File.Exists(p + "/file") && new FileInfo(p + "/file").Length > 0);
            if (staged is not null)
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(staged));
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(staged + "/file"));
                Assert.Equal(SshdFixture.TestUser, SshdFixture.Exec("stat", "-c", "%U", staged).Trim());
                return;
            }

            await Task.Delay(5);
        }

        Assert.Fail("The sudo Put never staged its copy.");
    }
}
