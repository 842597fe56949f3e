using Fabric.EndToEnd.Tests.Hosts;
using Fabric.EndToEnd.Tests.Infrastructure;
using Fabric.EndToEnd.Tests.Ssh;

namespace Fabric.EndToEnd.Tests.Projects;

/// <summary>
/// Templates and projects on a BusyBox-only host with no SFTP (<see cref="BusyBoxSshd"/>): the backup is BusyBox's
/// <c>cp -p</c>, the upload goes through BusyBox's tools, the archive is unpacked by BusyBox's <c>tar</c>, and the host has
/// no rsync, which <c>RsyncProject</c> says in one line.
/// </summary>
[Collection(RealHostsGroup.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class BusyBoxProjectTests : IDisposable
{
    private const int Timeout = 180_000;
    private readonly RealHost _host;
    private readonly string _local = Directory.CreateTempSubdirectory("fabric-bb-projects-local-").FullName;
    private readonly string _remote;

    public BusyBoxProjectTests(RealHosts hosts)
    {
        _host = hosts.BusyBox.Host;
        var parent = Directory.CreateTempSubdirectory("fabric-bb-projects-remote-").FullName;
        SshdFixture.Exec("chmod", "755", parent);
        _remote = Directory.CreateDirectory(Path.Combine(parent, "app dir")).FullName;
        SshdFixture.Exec("chown", $"{BusyBoxSshd.User}:", _remote);
    }

    private static string Fabfile => Repository.Path("tests", "fabfiles", "projects");

    /// <summary>Runs <paramref name="task"/> with <c>--shell "/bin/sh -c"</c>, as a user of a host without bash would.</summary>
    private Task<FabResult> Fab(string task) =>
        FabTool.RunAsync(Repository.Root, ["-f", Fabfile, "-a", "-i", _host.ClientKey, "--known-hosts", _host.KnownHostsFile, "--shell", "/bin/sh -c", "-H", _host.HostString, task],
            timeout: TimeSpan.FromSeconds(150));

    [Fact(Timeout = Timeout)]
    public async Task A_template_replaces_a_file_keeping_a_backup_with_busybox_tools_only()
    {
        var dest = Path.Combine(_remote, "app.conf");
        File.WriteAllText(dest, "old\n");
        SshdFixture.Exec("chown", $"{BusyBoxSshd.User}:", dest);
        SshdFixture.Exec("chmod", "600", dest);

        var result = await Fab($"template:dest={dest}");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("server_name 127.0.0.237;", File.ReadAllText(dest), StringComparison.Ordinal);
        Assert.Equal("old\n", File.ReadAllText(dest + ".bak"));
        Assert.Equal((UnixFileMode)0x180, File.GetUnixFileMode(dest)); // The replaced file's mode is kept,
        Assert.Equal((UnixFileMode)0x180, File.GetUnixFileMode(dest + ".bak")); // and the backup's too (cp -p).
    }

    [Fact(Timeout = Timeout)]
    public async Task A_project_is_unpacked_by_busybox_tar()
    {
        var project = Directory.CreateDirectory(Path.Combine(_local, "my project")).FullName;
        File.WriteAllText(Path.Combine(project, "a file.txt"), "a");

        var result = await Fab($"project:local={project},remote={_remote}");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("a", File.ReadAllText(Path.Combine(_remote, "my project", "a file.txt")));
        Assert.Equal(["my project"], Directory.GetFileSystemEntries(_remote).Select(Path.GetFileName));
    }

    [Fact(Timeout = Timeout)]
    public async Task Rsync_missing_on_the_host_is_one_clear_line()
    {
        var result = await Fab($"rsync-up:local={_local}/,remote={_remote}");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"rsync_project: rsync is not installed on {_host.HostString} (", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("install it there, or use UploadProject.", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Directory.Delete(_local, recursive: true);
        Directory.Delete(Path.GetDirectoryName(_remote)!, recursive: true);
    }
}
