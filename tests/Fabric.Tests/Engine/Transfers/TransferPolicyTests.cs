using System.Text;
using Fabric.Engine.Transfers;
using static Fabric.Api;
using Path = System.IO.Path;

namespace Fabric.Tests.Engine.Transfers;

/// <summary>
/// Put and Get as a fabfile calls them, on a <see cref="LocalHost"/>: over SFTP (OpenSSH's sftp-server), and over POSIX
/// commands under BusyBox alone when the host has no SFTP, with and without a shell that prints before every command.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class TransferPolicyTests
{
    public static TheoryData<bool, string> Hosts => new()
    {
        { true, "" },
        { true, "bashrc says hi\n" },
        { false, "" },
        { false, "bashrc says hi\n" },
    };

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task Put_over_a_file_keeps_its_mode_and_Get_of_a_glob_brings_each_file_back_whole(bool sftp, string noise)
    {
        using var run = new LocalRun(new LocalHost(sftp, noise));
        var big = new byte[3 * 1024 * 1024 + 17];
        new Random(7).NextBytes(big);
        File.WriteAllBytes(Path.Combine(run.Local, "big.bin"), big);
        Directory.CreateDirectory(Path.Combine(run.Host.Home, "app"));
        File.WriteAllText(Path.Combine(run.Host.Home, "app", "big.bin"), "old");
        File.SetUnixFileMode(Path.Combine(run.Host.Home, "app", "big.bin"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        run.LocalFile("emoji 😀 'q' $x `y` [z].txt", "named\n");

        await PutAsync(Path.Combine(run.Local, "big.bin"), "~/app/big.bin").WaitAsync(Timeout);
        await PutAsync(Path.Combine(run.Local, "emoji 😀 'q' $x `y` [z].txt"), "app/").WaitAsync(Timeout);
        var got = await GetAsync("app/*", Path.Combine(run.Local, "back") + "/").WaitAsync(Timeout);

        Assert.Equal(big, File.ReadAllBytes(Path.Combine(run.Host.Home, "app", "big.bin")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(Path.Combine(run.Host.Home, "app", "big.bin")));
        Assert.Equal(2, got.Files.Count);
        Assert.Equal(big, File.ReadAllBytes(Path.Combine(run.Local, "back", "big.bin")));
        Assert.Equal("named\n", File.ReadAllText(Path.Combine(run.Local, "back", "emoji 😀 'q' $x `y` [z].txt")));
        Assert.Equal(["app/big.bin", "app/emoji 😀 'q' $x `y` [z].txt"], run.RemoteFiles());
        Assert.Empty(Directory.GetFiles(run.Local, "*.tmp", SearchOption.AllDirectories));
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task A_plain_transfer_runs_no_command_over_sftp_and_only_posix_ones_without(bool sftp, string noise)
    {
        using var run = new LocalRun(new LocalHost(sftp, noise));
        run.LocalFile("a.txt", "a\n");

        await PutAsync(Path.Combine(run.Local, "a.txt"), "a.txt", verify: false).WaitAsync(Timeout);
        await GetAsync("a.txt", Path.Combine(run.Local, "b.txt"), verify: false).WaitAsync(Timeout);

        Assert.Equal("a\n", File.ReadAllText(Path.Combine(run.Local, "b.txt")));
        if (sftp)
        {
            Assert.Empty(run.Host.Commands);
        }
        else
        {
            Assert.All(run.Host.Commands, c => Assert.DoesNotContain("--reference", c, StringComparison.Ordinal));
            Assert.All(run.Host.Commands, c => Assert.DoesNotContain("-printf", c, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_glob_of_several_files_onto_a_file_is_refused_before_anything_is_written()
    {
        using var run = new LocalRun(new LocalHost());
        run.LocalFile("one.pub", "1\n");
        run.LocalFile("two.pub", "2\n");
        File.WriteAllText(Path.Combine(run.Host.Home, "authorized_keys"), "keep\n");

        var refused = await Assert.ThrowsAsync<AbortException>(() => PutAsync(Path.Combine(run.Local, "*.pub"), "authorized_keys").WaitAsync(Timeout));

        Assert.Equal($"put: '{Path.Combine(run.Local, "*.pub")}' matches 2 files, but authorized_keys is not a folder: end it with / to make one, or name one file. Nothing was sent.", refused.Message);
        Assert.Equal(["authorized_keys"], run.RemoteFiles());
        Assert.Equal("keep\n", File.ReadAllText(Path.Combine(run.Host.Home, "authorized_keys")));
    }

    [Fact]
    public async Task A_local_file_with_a_star_in_its_name_is_sent_as_itself()
    {
        using var run = new LocalRun(new LocalHost());
        var star = run.LocalFile("star*name.txt", "star\n");
        run.LocalFile("starXname.txt", "other\n");

        var put = await PutAsync(star, "in/").WaitAsync(Timeout);

        Assert.Equal(["in/star*name.txt"], run.RemoteFiles());
        Assert.Single(put.Files);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_refused_Put_fails_in_one_line_naming_the_host_the_file_and_the_reason_and_leaves_the_target(bool sftp)
    {
        using var run = new LocalRun(new LocalHost(sftp));
        run.LocalFile("a.txt", "new\n");
        Directory.CreateDirectory(Path.Combine(run.Host.Home, "locked"));
        File.WriteAllText(Path.Combine(run.Host.Home, "locked", "a.txt"), "old\n");
        File.SetUnixFileMode(Path.Combine(run.Host.Home, "locked"), UnixFileMode.UserRead | UnixFileMode.UserExecute);

        try
        {
            // Root ignores a folder's mode: the test runs as root, so a path under a regular file stands for "not allowed".
            var refused = await Assert.ThrowsAsync<AbortException>(() => PutAsync(Path.Combine(run.Local, "a.txt"), "locked/a.txt/x").WaitAsync(Timeout));

            Assert.StartsWith("put to deploy@web1 failed: locked/a.txt/x: ", refused.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', refused.Message);
            Assert.DoesNotContain("Exception", refused.Message, StringComparison.Ordinal);
            Assert.Equal("old\n", File.ReadAllText(Path.Combine(run.Host.Home, "locked", "a.txt")));
            Assert.Equal(["locked/a.txt"], run.RemoteFiles());
        }
        finally
        {
            File.SetUnixFileMode(Path.Combine(run.Host.Home, "locked"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_missing_Get_fails_in_one_line_naming_the_host_and_the_file(bool sftp)
    {
        using var run = new LocalRun(new LocalHost(sftp));

        var missing = await Assert.ThrowsAsync<AbortException>(() => GetAsync("nothing.txt", run.Local + "/").WaitAsync(Timeout));
        var none = await Assert.ThrowsAsync<AbortException>(() => GetAsync("nothing-*.txt", run.Local + "/").WaitAsync(Timeout));

        Assert.Equal("get from deploy@web1 failed: nothing.txt: No such file.", missing.Message);
        Assert.Equal("get: no remote file on deploy@web1 matches 'nothing-*.txt'.", none.Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_sudo_Put_stages_in_a_private_folder_and_removes_it_whether_the_move_works_or_fails(bool sftp)
    {
        using var run = new LocalRun(new LocalHost(sftp));
        run.LocalFile("a.txt", "as root\n");
        var tmpBefore = Directory.GetFileSystemEntries("/tmp", "fabric-put-*").ToHashSet();

        await PutAsync(Path.Combine(run.Local, "a.txt"), run.Host.Home + "/etc/a.conf", useSudo: true, mode: "0640").WaitAsync(Timeout);
        var failed = await Assert.ThrowsAsync<AbortException>(() => PutAsync(Path.Combine(run.Local, "a.txt"), run.Host.Home + "/etc/a.conf/x", useSudo: true).WaitAsync(Timeout));

        Assert.Equal("as root\n", File.ReadAllText(Path.Combine(run.Host.Home, "etc", "a.conf")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(Path.Combine(run.Host.Home, "etc", "a.conf")));
        Assert.StartsWith($"put to deploy@web1 failed: {run.Host.Home}/etc/a.conf/x: ", failed.Message, StringComparison.Ordinal);
        Assert.Empty(await NewStagingFoldersAsync(tmpBefore));
        Assert.Contains(run.Host.Commands, c => c.StartsWith("sudo ", StringComparison.Ordinal));
    }

    /// <summary>
    /// The staging folders in /tmp that were not there before, once those of other tests running alongside (a sudo Put of
    /// theirs stages there too) have had a few seconds to go: one this test left stays, and fails it.
    /// </summary>
    private static async Task<IReadOnlyList<string>> NewStagingFoldersAsync(HashSet<string> before)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var added = Directory.GetFileSystemEntries("/tmp", "fabric-put-*").Where(p => !before.Contains(p)).ToList();
            if (added.Count == 0 || DateTime.UtcNow > deadline)
            {
                return added;
            }

            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task A_cancelled_Put_leaves_no_staged_copy()
    {
        using var run = new LocalRun(new LocalHost());
        var big = new byte[64 * 1024 * 1024];
        File.WriteAllBytes(Path.Combine(run.Local, "big.bin"), big);
        using var cancel = new CancellationTokenSource();

        var put = PutAsync(Path.Combine(run.Local, "big.bin"), "big.bin", cancellationToken: cancel.Token);
        while (!run.RemoteFiles().Any(f => f.Contains(".fabric-", StringComparison.Ordinal)) && !put.IsCompleted)
        {
            await Task.Delay(1);
        }

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => put.WaitAsync(Timeout));

        Assert.Empty(run.RemoteFiles());
    }

    [Fact]
    public async Task A_host_without_a_hashing_tool_is_checked_for_size_and_says_so_in_debug()
    {
        using var run = new LocalRun(new LocalHost(sftp: false));
        File.Delete(Path.Combine(BusyBoxShell.PathWithout(), "sha256sum"));
        try
        {
            run.LocalFile("a.txt", "a\n");

            await PutAsync(Path.Combine(run.Local, "a.txt"), "a.txt").WaitAsync(Timeout);

            Assert.Equal("a\n", File.ReadAllText(Path.Combine(run.Host.Home, "a.txt")));
            Assert.Contains(run.DebugLines, l => l.StartsWith("no openssl or sha256sum:", StringComparison.Ordinal));
        }
        finally
        {
            File.CreateSymbolicLink(Path.Combine(BusyBoxShell.PathWithout(), "sha256sum"), "/usr/bin/busybox");
        }
    }

    [Fact]
    public async Task A_remote_name_that_is_not_utf8_is_reported_and_the_rest_fetched()
    {
        using var run = new LocalRun(new LocalHost());
        File.WriteAllText(Path.Combine(run.Host.Home, "plain.txt"), "plain\n");
        BusyBoxShell.Run("printf 'x' > \"$(printf 'caf\\351.txt')\"", workingDirectory: run.Host.Home);

        var failed = await Assert.ThrowsAsync<AbortException>(() => GetAsync("*.txt", run.Local + "/").WaitAsync(Timeout));

        Assert.Contains("caf\\xE9.txt: its name is not valid UTF-8", failed.Message, StringComparison.Ordinal);
        Assert.Equal("plain\n", File.ReadAllText(Path.Combine(run.Local, "plain.txt")));
        Assert.Equal(Encoding.UTF8.GetBytes("plain\n"), File.ReadAllBytes(Path.Combine(run.Local, "plain.txt")));
    }
}
