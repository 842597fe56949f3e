using System.Security.Cryptography;
using static Fabric.Api;

namespace Fabric.EndToEnd.Tests.Ssh;

[Collection(SshdGroup.Name)]
public sealed class TransferTests(SshdFixture sshd) : IDisposable
{
    private readonly string _local = Directory.CreateTempSubdirectory("fabric-transfer-").FullName;
    private readonly string _remote = $"/tmp/fabric-remote-{Guid.NewGuid():N}";

    public void Dispose()
    {
        Directory.Delete(_local, recursive: true);
        if (Directory.Exists(_remote))
        {
            Directory.Delete(_remote, recursive: true);
        }
    }

    [Fact]
    public async Task Put_and_Get_of_a_50_MB_file_keep_its_SHA256()
    {
        var source = System.IO.Path.Combine(_local, "big.bin");
        var bytes = new byte[50 * 1024 * 1024];
        new Random(42).NextBytes(bytes);
        await File.WriteAllBytesAsync(source, bytes);
        var expected = Convert.ToHexStringLower(SHA256.HashData(bytes));
        await using var session = new SshSession(sshd.Options());
        using var frame = SshSession.On(sshd.Frame(0));

        var put = await PutAsync(source, _remote + "/big.bin");
        var remoteHash = Run($"sha256sum {_remote}/big.bin | cut -d' ' -f1").Stdout;
        var get = await GetAsync(_remote + "/big.bin", System.IO.Path.Combine(_local, "back.bin"));

        Assert.Equal(expected, remoteHash);
        Assert.Equal(expected, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(System.IO.Path.Combine(_local, "back.bin")))));
        Assert.Equal(bytes.Length, Assert.Single(put.Files).Bytes);
        Assert.Equal(bytes.Length, Assert.Single(get.Files).Bytes);
        Assert.Empty(Run($"ls -A {_remote} | grep fabric- || true").Stdout);
        Assert.Empty(Directory.GetFiles(_local, "*.tmp"));
    }

    [Fact(Timeout = 120_000)]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Put_of_a_stream_writes_its_text_with_the_mode_asked_and_refuses_a_folder()
    {
        var home = Directory.CreateTempSubdirectory("fabric-put-stream-").FullName;
        SshdFixture.Exec("chown", SshdFixture.TestUser, home);
        await using var session = new SshSession(sshd.Options());
        using var frame = SshSession.On(sshd.Frame(2, SshdFixture.TestUser));

        var put = await PutAsync(new MemoryStream("listen 8080;\n'quoted' $HOME\n"u8.ToArray()), home + "/app.conf", mode: "0640");
        var folder = await Assert.ThrowsAsync<AbortException>(() => PutAsync(new MemoryStream([1]), home));

        Assert.Equal("listen 8080;\n'quoted' $HOME\n", await File.ReadAllTextAsync(home + "/app.conf"));
        Assert.Equal((UnixFileMode)0x1A0, File.GetUnixFileMode(home + "/app.conf"));
        Assert.Equal(SshdFixture.TestUser, SshdFixture.Exec("stat", "-c", "%U", home + "/app.conf").Trim());
        Assert.Equal("<stream of 28 bytes>", Assert.Single(put.Files).LocalPath);
        Assert.Contains("is a folder: name the file to write", folder.Message, StringComparison.Ordinal);
        Assert.Equal(["app.conf"], Directory.GetFileSystemEntries(home).Select(System.IO.Path.GetFileName));
        Directory.Delete(home, recursive: true);
    }

    [Fact]
    public async Task Put_and_Get_each_go_over_an_sftp_channel_of_the_hosts_one_connection_and_a_replaced_file_keeps_its_mode()
    {
        var source = System.IO.Path.Combine(_local, "app.conf");
        await File.WriteAllTextAsync(source, "new\n");
        var sftpBefore = SftpSessions();
        var loginsBefore = Logins();
        await using var session = new SshSession(sshd.Options());
        using var frame = SshSession.On(sshd.Frame(1));
        Run($"mkdir -p {_remote} && echo old > {_remote}/app.conf && chmod 0640 {_remote}/app.conf");

        await PutAsync(source, _remote + "/app.conf");
        await GetAsync(_remote + "/app.conf", System.IO.Path.Combine(_local, "back.conf"));

        Assert.Equal("640 new", Run($"stat -c %a {_remote}/app.conf && cat {_remote}/app.conf").Stdout.Replace('\n', ' '));
        Assert.Equal("new\n", await File.ReadAllTextAsync(System.IO.Path.Combine(_local, "back.conf")));
        Assert.Equal(sftpBefore + 2, SftpSessions());
        Assert.Equal(loginsBefore + 1, Logins());
    }

    private int SftpSessions() => sshd.Log().Split('\n').Count(l => l.Contains("Starting session: subsystem 'sftp'", StringComparison.Ordinal));

    private int Logins() => sshd.Log().Split('\n').Count(l => l.Contains("Accepted publickey for", StringComparison.Ordinal));

    [Fact]
    public async Task Put_of_a_glob_uploads_each_match_into_the_remote_folder_with_the_mode()
    {
        foreach (var name in new[] { "a.txt", "b.txt", "c.log" })
        {
            await File.WriteAllTextAsync(System.IO.Path.Combine(_local, name), "content of " + name);
        }

        await using var session = new SshSession(sshd.Options());
        using var frame = SshSession.On(sshd.Frame(0));

        Run($"mkdir -p {_remote}", shell: false);
        TransferResult result;
        using (Lcd(_local))
        using (Cd(_remote))
        {
            result = Put("*.txt", "uploads/", mode: "0640");
        }

        Assert.Equal([$"{_remote}/uploads/a.txt", $"{_remote}/uploads/b.txt"], result.Files.Select(f => f.RemotePath));
        Assert.Equal("content of b.txt", File.ReadAllText($"{_remote}/uploads/b.txt"));
        Assert.Equal("640 640", Run($"stat -c %a {_remote}/uploads/a.txt {_remote}/uploads/b.txt | tr '\\n' ' '").Stdout.Trim());
        Assert.False(File.Exists($"{_remote}/uploads/c.log"));
    }

    [Fact]
    public async Task Get_of_a_glob_from_two_hosts_keeps_each_hosts_files_apart()
    {
        Directory.CreateDirectory(_remote);
        await File.WriteAllTextAsync($"{_remote}/one.log", "1");
        await File.WriteAllTextAsync($"{_remote}/two.log", "2");
        await File.WriteAllTextAsync($"{_remote}/skip.txt", "x");
        await using var session = new SshSession(sshd.Options());

        for (var i = 0; i < 2; i++)
        {
            using var frame = SshSession.On(sshd.Frame(i));
            using (Lcd(_local))
            {
                Get($"{_remote}/*.log", "logs/{host}/{basename}");
            }
        }

        foreach (var host in new[] { SshdFixture.Address(0), SshdFixture.Address(1) })
        {
            Assert.Equal("1", File.ReadAllText(System.IO.Path.Combine(_local, "logs", host, "one.log")));
            Assert.Equal("2", File.ReadAllText(System.IO.Path.Combine(_local, "logs", host, "two.log")));
            Assert.False(File.Exists(System.IO.Path.Combine(_local, "logs", host, "skip.txt")));
        }
    }

    [Fact]
    public async Task Put_of_a_folder_with_sudo_places_root_owned_files()
    {
        var folder = Directory.CreateDirectory(System.IO.Path.Combine(_local, "site")).FullName;
        Directory.CreateDirectory(System.IO.Path.Combine(folder, "css"));
        await File.WriteAllTextAsync(System.IO.Path.Combine(folder, "index.html"), "<h1>hi</h1>");
        await File.WriteAllTextAsync(System.IO.Path.Combine(folder, "css", "site.css"), "body{}");
        await using var session = new SshSession(sshd.Options(), new ScriptedPrompt(SshdFixture.TestUserPassword));
        using var frame = SshSession.On(sshd.Frame(1, SshdFixture.TestUser));

        var result = Put(folder, _remote + "/", useSudo: true);

        Assert.Equal(2, result.Files.Count);
        Assert.Equal("body{}", File.ReadAllText($"{_remote}/site/css/site.css"));
        Assert.Equal("root", SshdFixture.Exec("stat", "-c", "%U", $"{_remote}/site/index.html").Trim());
    }

    [Fact]
    public async Task Put_and_Get_of_an_empty_file_make_an_empty_file()
    {
        var source = System.IO.Path.Combine(_local, "empty.txt");
        await File.WriteAllBytesAsync(source, []);
        await using var session = new SshSession(sshd.Options());
        using var frame = SshSession.On(sshd.Frame(0));

        var put = await PutAsync(source, _remote + "/empty.txt").WaitAsync(TimeSpan.FromSeconds(30));
        var get = await GetAsync(_remote + "/empty.txt", System.IO.Path.Combine(_local, "back.txt")).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, Assert.Single(put.Files).Bytes);
        Assert.Equal(0, new FileInfo($"{_remote}/empty.txt").Length);
        Assert.Equal(0, Assert.Single(get.Files).Bytes);
        Assert.Equal(0, new FileInfo(System.IO.Path.Combine(_local, "back.txt")).Length);
    }

    [Fact]
    public async Task Put_into_a_folder_the_user_cannot_write_fails_with_the_servers_reason_and_stops_sending()
    {
        // Bigger than sshd's channel window (2 MB): without the remote end saying it refused the rest, the upload would wait
        // for window space that never comes, and fail only at the timeout with no reason.
        var source = System.IO.Path.Combine(_local, "big.bin");
        await File.WriteAllBytesAsync(source, new byte[16 * 1024 * 1024]);
        await using var session = new SshSession(sshd.Options(), new ScriptedPrompt(SshdFixture.TestUserPassword));
        using var frame = SshSession.On(sshd.Frame(1, SshdFixture.TestUser));

        var refused = await Assert.ThrowsAsync<AbortException>(() => PutAsync(source, "/root/fabric-not-allowed.bin").WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.Contains($"put to {SshdFixture.TestUser}@", refused.Message, StringComparison.Ordinal);
        Assert.Contains("/root/fabric-not-allowed.bin: Permission denied", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("[fabric-put-refused]", refused.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries("/root", ".fabric-put-*"));
    }

    [Fact]
    public async Task Get_of_a_missing_file_aborts_unless_warn_only()
    {
        await using var session = new SshSession(sshd.Options());
        using var frame = SshSession.On(sshd.Frame(0));

        Assert.Throws<AbortException>(() => Get(_remote + "/nothing-*", _local));
        using (WarnOnly())
        {
            Assert.True(Get(_remote + "/nothing-*", _local).Failed);
        }
    }
}
