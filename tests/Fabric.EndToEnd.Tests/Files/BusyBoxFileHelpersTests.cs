using Fabric.EndToEnd.Tests.Hosts;
using Fabric.EndToEnd.Tests.Transfers;
using static Fabric.Api;

namespace Fabric.EndToEnd.Tests.Files;

/// <summary>
/// The file helpers on a host whose userland is BusyBox alone (its ash as <c>/bin/sh</c>, its <c>sed</c>, <c>grep</c> and
/// <c>tail</c>; no bash, no GNU tool), as <c>fabbb</c> with <c>Env.Shell = "/bin/sh -c"</c>, as a user of such a host sets it.
/// </summary>
[Collection(RealHostsGroup.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class BusyBoxFileHelpersTests(RealHosts hosts)
{
    /// <summary>A run on the BusyBox host, current for the test (made here, not in an async method, whose frame would end with it).</summary>
    private HostTransfer Host()
    {
        var t = new HostTransfer(hosts.BusyBox.Host);
        t.Session.Context.Env.Shell = "/bin/sh -c";
        return t;
    }

    /// <summary>Writes a file in the test's remote folder, owned by the account.</summary>
    private static string Write(HostTransfer t, string name, string content)
    {
        var file = Path.Combine(t.Remote, name);
        File.WriteAllText(file, content);
        Ssh.SshdFixture.Exec("chown", BusyBoxSshd.User, file);
        return file;
    }

    [Fact]
    public async Task Exists_and_Contains_answer_for_a_file_with_spaces_and_quotes_in_its_name()
    {
        await using var t = Host();
        var file = Write(t, "my 'app' $x.conf", "listen = 127.0.0.1:8080\n");

        Assert.True(await ExistsAsync(file).WaitAsync(HostTransfer.Timeout));
        Assert.False(await ExistsAsync(file + ".old").WaitAsync(HostTransfer.Timeout));
        Assert.True(await ContainsAsync(file, "127.0.0.1:8080").WaitAsync(HostTransfer.Timeout));
        Assert.False(await ContainsAsync(file, "127.0.0.1", exact: true).WaitAsync(HostTransfer.Timeout));
        Assert.True(await ContainsAsync(file, "^listen = [0-9.]+:[0-9]+$", escape: false).WaitAsync(HostTransfer.Timeout));
        Assert.False(await ContainsAsync(file + ".old", "x").WaitAsync(HostTransfer.Timeout));
    }

    [Fact]
    public async Task Append_twice_writes_each_line_once_exactly_as_given()
    {
        await using var t = Host();
        var file = Write(t, "profile", "# profile");
        string[] lines = ["export PS1='\\u $ '", "alias x=\"ls `pwd`\" & # 100%", "-n"];

        await AppendAsync(file, lines).WaitAsync(HostTransfer.Timeout);
        await AppendAsync(file, lines).WaitAsync(HostTransfer.Timeout);
        await AppendAsync(file, "export PS1=", partial: true).WaitAsync(HostTransfer.Timeout);

        Assert.Equal("# profile\n" + string.Concat(lines.Select(l => l + "\n")), File.ReadAllText(file));
    }

    [Fact]
    public async Task Sed_with_slashes_ampersands_quotes_and_backslashes_edits_in_place_keeping_mode_and_a_backup()
    {
        await using var t = Host();
        var file = Write(t, "site conf", "url = 'http://old/a' C:\\old\n");
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        var result = await SedAsync(file, "'http://old/(a)' C:\\\\old", "\"https://new/\\1?x&y\" \\& D:\\\\new", backup: ".orig").WaitAsync(HostTransfer.Timeout);
        await CommentAsync(file, "^url", backup: "").WaitAsync(HostTransfer.Timeout);
        await CommentAsync(file, "^url", backup: "").WaitAsync(HostTransfer.Timeout);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("#url = \"https://new/a?x'http://old/a' C:\\oldy\" & D:\\new\n", File.ReadAllText(file));
        Assert.Equal("url = 'http://old/a' C:\\old\n", File.ReadAllText(file + ".orig"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(file));
    }

    [Fact]
    public async Task With_the_default_bash_shell_a_question_fails_naming_the_missing_shell_instead_of_answering_no()
    {
        await using var t = new HostTransfer(hosts.BusyBox.Host);

        var error = await Assert.ThrowsAsync<CommandFailedException>(() => ExistsAsync(t.Remote).WaitAsync(HostTransfer.Timeout));

        Assert.StartsWith($"exists '{t.Remote}' on {t.HostString} failed: /bin/bash was not found on {t.HostString}", error.Message, StringComparison.Ordinal);
        Assert.Contains("Env.Shell = \"/bin/sh -c\"", error.Message, StringComparison.Ordinal);
    }
}
