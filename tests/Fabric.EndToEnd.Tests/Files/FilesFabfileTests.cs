using Fabric.EndToEnd.Tests.Infrastructure;
using Fabric.EndToEnd.Tests.Ssh;

namespace Fabric.EndToEnd.Tests.Files;

/// <summary>
/// The <c>tests/fabfiles/files</c> fabfile through the real <c>dotnet fab</c>, as <c>fabtest</c> on the test sshd: a
/// provisioning task's output (the checks hidden, the edits shown), the file it leaves, sudo edits of a root file, and a
/// check that cannot be made as one <c>Fatal error</c> line.
/// </summary>
[Collection(SshdGroup.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class FilesFabfileTests(SshdFixture sshd)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private readonly string _knownHosts = sshd.Path($"known_hosts-files-{Guid.NewGuid():N}");

    private string Host(int index) => $"{SshdFixture.TestUser}@{SshdFixture.Address(index)}:{sshd.Port}";

    private Task<FabResult> Fab(int index, string task) =>
        FabTool.RunAsync(
            Repository.Root,
            ["-f", Repository.Path("tests", "fabfiles", "files"), "--known-hosts", _knownHosts, "-p", SshdFixture.TestUserPassword, "-H", Host(index), task],
            timeout: Timeout);

    [Fact]
    public async Task A_provisioning_task_shows_its_edits_not_its_checks_appends_once_and_leaves_the_file_as_Fabric_would()
    {
        using var folder = new ServerFolder(SshdFixture.TestUser);
        var conf = folder.Of("my app.conf");

        var first = await Fab(0, $"configure:folder={folder.Path}");

        Assert.True(first.ExitCode == 0, first.ToString());
        var h = $"[{Host(0)}]";
        Assert.Equal(
        [
            $"{h} Executing task 'configure'",
            $"{h} no settings yet",
            $"{h} run: printf '%s\\n' 'url = http://old.example/app' 'PermitRootLogin yes' 'name = it'\"'\"'s \"$HOME\"' >> '{conf}'",
            $"{h} run: sed -i.bak -E -e 's|http://old\\.example/(app)|https://new.example/\\1?a=1\\&b=2|g' '{conf}'",
            $"{h} run: sed -i.bak -E -e '/^[[:space:]]*#/ b' -e '/^(PermitRootLogin)/ s/^/#/' '{conf}'",
            $"{h} run: sed -i.bak -E -e '/^[[:space:]]*#/ b' -e '/^(PermitRootLogin)/ s/^/#/' '{conf}'",
            $"{h} the new URL is in",
            $"{h} {conf}",
            "Done.",
        ], first.RunLines.Where(l => !l.StartsWith("Disconnecting", StringComparison.Ordinal)));
        Assert.Equal("url = https://new.example/app?a=1&b=2\n#PermitRootLogin yes\nname = it's \"$HOME\"\n", folder.Read("my app.conf"));
    }

    [Fact]
    public async Task Edits_through_sudo_keep_a_root_files_owner_and_mode()
    {
        using var folder = new ServerFolder(SshdFixture.TestUser);
        folder.Write("private/app.conf", "mode = debug\n", owner: "root", mode: "640");

        var result = await Fab(1, $"edit-as-root:path={folder.Of("private/app.conf")}");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"[{Host(1)}] as the login user: not there; through sudo: there", result.StdoutLines);
        Assert.Contains($"[{Host(1)}] production", result.StdoutLines);
        Assert.Single(result.StdoutLines, l => l.Contains("sudo: printf", StringComparison.Ordinal));
        Assert.Equal("mode = production\nadded = yes\n", folder.Read("private/app.conf"));
        Assert.Equal("root 640", folder.OwnerAndMode("private/app.conf"));
        Assert.DoesNotContain(SshdFixture.TestUserPassword, result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_the_login_user_cannot_read_is_one_fatal_line_naming_the_host_and_why()
    {
        using var folder = new ServerFolder(SshdFixture.TestUser);
        folder.Write("secret.conf", "key = 1\n", owner: "root", mode: "600");

        var result = await Fab(2, $"find:path={folder.Of("secret.conf")},text=key");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"Fatal error: contains '{folder.Of("secret.conf")}' on {Host(2)} failed: grep: {folder.Of("secret.conf")}: Permission denied.", result.StderrLines);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Stderr, StringComparison.Ordinal);
    }
}
