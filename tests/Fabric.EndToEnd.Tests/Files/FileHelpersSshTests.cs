using Fabric.EndToEnd.Tests.Ssh;
using static Fabric.Api;

namespace Fabric.EndToEnd.Tests.Files;

/// <summary>
/// The file helpers as a fabfile calls them, against the test sshd as <c>fabtest</c> (GNU userland, bash login shell),
/// with and without <c>useSudo</c>: Fabric's own edge cases (a path with spaces, append of a line already there, sed with
/// <c>/</c>, <c>&amp;</c>, quotes and backslashes), and the file's owner and mode after an edit through sudo.
/// </summary>
[Collection(SshdGroup.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class FileHelpersSshTests(SshdFixture sshd)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private async Task<T> On<T>(int index, Func<SshSession, Task<T>> operations)
    {
        await using var session = new SshSession(sshd.Options());
        session.Context.Env.SudoPassword = SshdFixture.TestUserPassword;
        using var frame = SshSession.On(sshd.Frame(index, SshdFixture.TestUser));
        return await operations(session).WaitAsync(Timeout);
    }

    [Fact]
    public async Task Exists_sees_a_path_with_spaces_and_quotes_and_a_folder_it_may_not_enter_only_through_sudo()
    {
        using var folder = new ServerFolder(SshdFixture.TestUser);
        folder.Write("my 'app' $dir.conf", "");
        folder.Write("private/secret.conf", "key = 1\n", owner: "root", mode: "600");

        var answers = await On(0, async _ => new[]
        {
            await ExistsAsync(folder.Of("my 'app' $dir.conf")),
            await ExistsAsync(folder.Of("my 'app' $dir")),
            await ExistsAsync(folder.Of("private/secret.conf")),
            await ExistsAsync(folder.Of("private/secret.conf"), useSudo: true),
        });

        Assert.Equal([true, false, false, true], answers);
    }

    [Fact]
    public async Task IsLink_tells_a_link_even_a_dangling_one_and_First_gives_the_first_path_that_exists()
    {
        using var folder = new ServerFolder(SshdFixture.TestUser);
        folder.Write("current release", "");
        SshdFixture.Exec("ln", "-s", folder.Of("current release"), folder.Of("my 'link'"));
        SshdFixture.Exec("ln", "-s", folder.Of("gone"), folder.Of("dangling"));

        var (links, first, none) = await On(0, async _ => (
            new[]
            {
                await IsLinkAsync(folder.Of("my 'link'")),
                await IsLinkAsync(folder.Of("dangling")),
                await IsLinkAsync(folder.Of("current release")),
                await IsLinkAsync(folder.Of("missing")),
            },
            await FirstAsync([folder.Of("missing"), folder.Of("dangling"), folder.Of("my 'link'"), folder.Of("current release")]),
            await FirstAsync([folder.Of("missing"), folder.Of("private/secret")])));

        Assert.Equal([true, true, false, false], links);
        Assert.Equal(folder.Of("my 'link'"), first);
        Assert.Null(none);
    }

    [Fact]
    public async Task Append_of_lines_already_there_does_nothing_and_shows_only_what_it_writes()
    {
        using var folder = new ServerFolder(SshdFixture.TestUser);
        folder.Write("env file", "export A=1\nexport PATH=/usr/bin");

        var text = await On(1, async session =>
        {
            await AppendAsync(folder.Of("env file"), ["export A=1", "alias x='ls \"$HOME\"' # \\", "-e"]);
            await AppendAsync(folder.Of("env file"), "alias x='ls \"$HOME\"' # \\\n-e\n");
            await AppendAsync(folder.Of("env file"), "export PATH=", partial: true);
            return session.Text.Where(l => l.StartsWith('[')).ToList();
        });

        Assert.Equal("export A=1\nexport PATH=/usr/bin\nalias x='ls \"$HOME\"' # \\\n-e\n", folder.Read("env file"));
        var host = sshd.Host(1, SshdFixture.TestUser).Original;
        Assert.Equal([$"[{host}] run: printf '%s\\n' '' 'alias x='\"'\"'ls \"$HOME\"'\"'\"' # \\' -e >> '{folder.Of("env file")}'"], text);
    }

    [Fact]
    public async Task Sed_with_slashes_ampersands_quotes_and_backslashes_edits_in_place_and_keeps_a_backup()
    {
        using var folder = new ServerFolder(SshdFixture.TestUser);
        folder.Write("site.conf", "url = \"http://old.example/a\" C:\\old\nother = 1\n", mode: "640");

        var result = await On(2, _ => SedAsync(folder.Of("site.conf"), "\"http://old\\.example/(a)\" C:\\\\old", "'https://new.example/\\1?x=1\\&y=2' [&] D:\\\\new"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("url = 'https://new.example/a?x=1&y=2' [\"http://old.example/a\" C:\\old] D:\\new\nother = 1\n", folder.Read("site.conf"));
        Assert.Equal("url = \"http://old.example/a\" C:\\old\nother = 1\n", folder.Read("site.conf.bak"));
        Assert.Equal($"{SshdFixture.TestUser} 640", folder.OwnerAndMode("site.conf"));
    }

    [Fact]
    public async Task Editing_a_root_file_through_sudo_keeps_its_owner_and_mode_and_Contains_needs_sudo_to_read_it()
    {
        using var folder = new ServerFolder(SshdFixture.TestUser);
        folder.Write("root.conf", "mode = debug\n#Port 22\n", owner: "root", mode: "600");

        var (denied, found) = await On(3, async _ =>
        {
            var error = await Assert.ThrowsAsync<CommandFailedException>(() => ContainsAsync(folder.Of("root.conf"), "mode"));
            await SedAsync(folder.Of("root.conf"), "^mode = .*", "mode = production", useSudo: true, backup: "");
            await UncommentAsync(folder.Of("root.conf"), "Port", useSudo: true, backup: "");
            await AppendAsync(folder.Of("root.conf"), "added = yes", useSudo: true);
            await AppendAsync(folder.Of("root.conf"), "added = yes", useSudo: true);
            return (error.Message, await ContainsAsync(folder.Of("root.conf"), "MODE = PRODUCTION", exact: true, useSudo: true, caseSensitive: false));
        });

        Assert.Equal($"contains '{folder.Of("root.conf")}' on {sshd.Host(3, SshdFixture.TestUser).Original} failed: grep: {folder.Of("root.conf")}: Permission denied.", denied);
        Assert.True(found);
        Assert.Equal("mode = production\nPort 22\nadded = yes\n", folder.Read("root.conf"));
        Assert.Equal("root 600", folder.OwnerAndMode("root.conf"));
    }

    [Fact]
    public async Task Comment_twice_comments_once_and_Uncomment_gives_the_line_back()
    {
        using var folder = new ServerFolder(SshdFixture.TestUser);
        folder.Write("sshd_config", "PermitRootLogin yes\n  PasswordAuthentication yes\n");

        var after = await On(4, async _ =>
        {
            await CommentAsync(folder.Of("sshd_config"), "^[[:space:]]*(PermitRootLogin|PasswordAuthentication) ", backup: "");
            await CommentAsync(folder.Of("sshd_config"), "^[[:space:]]*(PermitRootLogin|PasswordAuthentication) ", backup: "");
            var commented = folder.Read("sshd_config");
            await UncommentAsync(folder.Of("sshd_config"), "PermitRootLogin", backup: "");
            return commented;
        });

        Assert.Equal("#PermitRootLogin yes\n#  PasswordAuthentication yes\n", after);
        Assert.Equal("PermitRootLogin yes\n#  PasswordAuthentication yes\n", folder.Read("sshd_config"));
    }
}
