using Fabric.EndToEnd.Tests.Infrastructure;
using Fabric.EndToEnd.Tests.Ssh;

namespace Fabric.EndToEnd.Tests.Projects;

/// <summary>
/// <c>UploadTemplate</c>, <c>RsyncProject</c> and <c>UploadProject</c> through the real <c>dotnet fab</c>, logged in as the
/// test user <c>fabtest</c> on the test sshd. The run reads the fixture's empty ssh config and a known_hosts file of its own,
/// and no agent: never the running user's <c>~/.ssh</c>; so does the <c>ssh</c> that rsync runs, told the same.
/// </summary>
[Collection(SshdGroup.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ProjectTests : IDisposable
{
    private const int Timeout = 180_000;
    private readonly SshdFixture _sshd;
    private readonly string _knownHosts;
    private readonly string _sshConfig;
    private readonly string _local;
    private readonly string _remote;

    public ProjectTests(SshdFixture sshd)
    {
        _sshd = sshd;
        _knownHosts = sshd.Path($"known_hosts-projects-{Guid.NewGuid():N}");
        _sshConfig = sshd.Path("ssh_config-empty");
        File.WriteAllText(_sshConfig, "");
        _local = Directory.CreateTempSubdirectory("fabric-projects-local-").FullName;
        // The test user's own folder, as a deploy user's would be; its name has a space.
        _remote = Path.Combine(Directory.CreateTempSubdirectory("fabric-projects-remote-").FullName, "app dir");
        Directory.CreateDirectory(_remote);
        SshdFixture.Exec("chmod", "755", Path.GetDirectoryName(_remote)!);
        SshdFixture.Exec("chown", $"{SshdFixture.TestUser}:{SshdFixture.TestUser}", _remote);
    }

    private static string Fabfile => Repository.Path("tests", "fabfiles", "projects");

    private string Host(int index) => $"{SshdFixture.TestUser}@{SshdFixture.Address(index)}:{_sshd.Port}";

    private Task<FabResult> Fab(int host, string task, IDictionary<string, string>? environment = null, params string[] more) =>
        FabTool.RunAsync(Repository.Root,
            ["-f", Fabfile, "-i", _sshd.ClientKey, "-a", "--known-hosts", _knownHosts, "--ssh-config-path", _sshConfig, .. more, "-H", Host(host), task],
            environment, TimeSpan.FromSeconds(150));

    [Fact(Timeout = Timeout)]
    public async Task A_template_is_rendered_uploaded_with_its_mode_and_the_old_file_is_kept_as_bak()
    {
        var dest = Path.Combine(_remote, "app.conf");
        File.WriteAllText(dest, "old\n");
        SshdFixture.Exec("chown", SshdFixture.TestUser, dest);

        var result = await Fab(0, $"template:dest={dest},mode=0640", more: ["--set", "secret=s3cr3t-value"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            $"# 127.0.0.2: written by upload_template\nserver {{\n    listen 8080;\n    server_name 127.0.0.2;\n    upstream app1;\n    upstream app2;\n    ssl off;\n    secret s3cr3t-value;\n}}\n",
            File.ReadAllText(dest));
        Assert.Equal((UnixFileMode)0x1A0, File.GetUnixFileMode(dest));
        Assert.Equal("old\n", File.ReadAllText(dest + ".bak"));
        Assert.Contains($"[{Host(0)}] backup: {dest} -> {dest}.bak", result.StdoutLines);
        Assert.Contains($"[{Host(0)}] put: {Path.Combine(Fabfile, "templates", "app.conf")} -> {dest}", result.StdoutLines);
        Assert.DoesNotContain("s3cr3t-value", result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.Equal(["app.conf", "app.conf.bak"], Directory.GetFileSystemEntries(_remote).Select(Path.GetFileName).Order());
        Assert.Equal(SshdFixture.TestUser, SshdFixture.Exec("stat", "-c", "%U", dest).Trim());
    }

    [Fact(Timeout = Timeout)]
    public async Task A_template_sent_to_a_folder_takes_the_templates_name_and_with_no_old_file_makes_no_backup()
    {
        var result = await Fab(1, $"template:dest={_remote}");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("server_name 127.0.0.3;", File.ReadAllText(Path.Combine(_remote, "app.conf")), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_remote, "app.conf.bak")));
        Assert.DoesNotContain(result.StdoutLines, l => l.Contains("backup:", StringComparison.Ordinal));
    }

    [Fact(Timeout = Timeout)]
    public async Task A_template_with_sudo_goes_into_a_root_owned_folder_and_is_roots()
    {
        var rootOwned = Directory.CreateTempSubdirectory("fabric-projects-root-").FullName;
        SshdFixture.Exec("chmod", "755", rootOwned);
        var dest = Path.Combine(rootOwned, "site.conf");
        File.WriteAllText(dest, "old root file\n");

        try
        {
            var result = await Fab(2, $"template:dest={dest},sudo=true,mode=0644", more: ["-p", SshdFixture.TestUserPassword]);

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("upstream app2;", File.ReadAllText(dest), StringComparison.Ordinal);
            Assert.Equal("root", SshdFixture.Exec("stat", "-c", "%U", dest).Trim());
            Assert.Equal("old root file\n", File.ReadAllText(dest + ".bak"));
            Assert.DoesNotContain(SshdFixture.TestUserPassword, result.Stdout + result.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(rootOwned, recursive: true);
        }
    }

    [Fact(Timeout = Timeout)]
    public async Task A_template_naming_a_variable_its_context_lacks_aborts_naming_it_and_writes_nothing()
    {
        var dest = Path.Combine(_remote, "broken.conf");

        var result = await Fab(0, $"broken-template:dest={dest}");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("uses 'server_nmae' (line 2), which the context does not give (it gives port, server_name)", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("broken.conf", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(dest));
    }

    [Fact(Timeout = Timeout)]
    public async Task Rsync_sends_the_folder_leaving_out_exclusions_and_deleting_what_is_gone_here()
    {
        var project = Directory.CreateDirectory(Path.Combine(_local, "my project")).FullName;
        Directory.CreateDirectory(Path.Combine(project, "sub dir"));
        File.WriteAllText(Path.Combine(project, "a file.txt"), "a");
        File.WriteAllText(Path.Combine(project, "sub dir", "b.txt"), "b");
        File.WriteAllText(Path.Combine(project, "debug.log"), "log");
        File.WriteAllText(Path.Combine(project, "skip me"), "skip");
        File.WriteAllText(Path.Combine(_remote, "stale.txt"), "stale");

        var result = await Fab(3, $"rsync-up:local={project}/,remote={_remote},delete=true");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["a file.txt", "sub dir", "sub dir/b.txt"], Listing(_remote));
        Assert.Equal("b", File.ReadAllText(Path.Combine(_remote, "sub dir", "b.txt")));
        Assert.Equal(SshdFixture.TestUser, SshdFixture.Exec("stat", "-c", "%U", Path.Combine(_remote, "a file.txt")).Trim());
        Assert.Contains(result.StdoutLines, l => l.StartsWith("[localhost] local: rsync --delete --exclude='*.log' --exclude='skip me' -pthrvz -e 'ssh -F ", StringComparison.Ordinal));
        Assert.Contains("[localhost] out: a file.txt", result.StdoutLines);
    }

    [Fact(Timeout = Timeout)]
    public async Task Rsync_goes_through_the_runs_gateway_with_the_gateways_own_login()
    {
        var project = Directory.CreateDirectory(Path.Combine(_local, "via gw")).FullName;
        File.WriteAllText(Path.Combine(project, "through.txt"), "gw");

        var result = await Fab(1, $"rsync-up:local={project}/,remote={_remote}", more: ["-g", Host(0)]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("gw", File.ReadAllText(Path.Combine(_remote, "through.txt")));
        Assert.Contains(result.StdoutLines, l => l.StartsWith("[localhost] local: rsync ", StringComparison.Ordinal)
            && l.Contains($"ProxyCommand=ssh -F ", StringComparison.Ordinal) && l.Contains($"[{SshdFixture.Address(1)}]:{_sshd.Port}", StringComparison.Ordinal));
    }

    [Fact(Timeout = Timeout)]
    public async Task Rsync_fetches_a_remote_folder_when_upload_is_false()
    {
        Directory.CreateDirectory(Path.Combine(_remote, "logs"));
        File.WriteAllText(Path.Combine(_remote, "logs", "x y.txt"), "remote");
        var into = Path.Combine(_local, "fetched here");

        var result = await Fab(4, $"rsync-down:remote={_remote}/,local={into}");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("remote", File.ReadAllText(Path.Combine(into, "logs", "x y.txt")));
    }

    [Fact(Timeout = Timeout)]
    public async Task Rsync_missing_here_is_one_clear_line_before_anything_connects()
    {
        var path = PathWithout("rsync");

        var result = await Fab(0, $"rsync-up:local={_local}/,remote={_remote}", new Dictionary<string, string> { ["PATH"] = path });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"rsync_project to {Host(0)}: rsync is not installed on this machine (none on PATH)", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Theory(Timeout = Timeout)]
    [InlineData("-p")]
    [InlineData("login_password")] // Env.Password set by the fabfile
    public async Task Rsync_for_a_run_that_logs_in_with_a_password_only_says_that_ssh_cannot_reuse_it(string givenBy)
    {
        string[] password = givenBy == "-p" ? ["-p", SshdFixture.TestUserPassword] : ["--set", $"login_password={SshdFixture.TestUserPassword}"];
        var result = await FabTool.RunAsync(Repository.Root,
            ["-f", Fabfile, "-a", "--known-hosts", _knownHosts, "--ssh-config-path", _sshConfig, .. password,
             "-H", Host(1), $"rsync-up:local={_local}/,remote={_remote}"],
            new Dictionary<string, string> { ["HOME"] = _local }, TimeSpan.FromSeconds(150));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("with a password, which the ssh that rsync runs cannot reuse", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(SshdFixture.TestUserPassword, result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact(Timeout = Timeout)]
    public async Task A_project_is_sent_as_an_archive_unpacked_in_the_remote_folder_and_the_archive_removed()
    {
        var project = Directory.CreateDirectory(Path.Combine(_local, "my project")).FullName;
        Directory.CreateDirectory(Path.Combine(project, "static files"));
        File.WriteAllText(Path.Combine(project, "a file.txt"), "a");
        File.WriteAllText(Path.Combine(project, "static files", "it's.css"), "css");

        var result = await Fab(2, $"project:local={project},remote={_remote}");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["my project", "my project/a file.txt", "my project/static files", "my project/static files/it's.css"], Listing(_remote));
        Assert.Equal(SshdFixture.TestUser, SshdFixture.Exec("stat", "-c", "%U", Path.Combine(_remote, "my project", "a file.txt")).Trim());
        Assert.Contains(result.StdoutLines, l => l.StartsWith($"[{Host(2)}] run: tar -xozf '.my project-", StringComparison.Ordinal));
    }

    [Fact(Timeout = Timeout)]
    public async Task A_project_with_sudo_is_unpacked_as_root_in_a_root_owned_folder()
    {
        var rootOwned = Directory.CreateTempSubdirectory("fabric-projects-root-").FullName;
        SshdFixture.Exec("chmod", "755", rootOwned);
        var project = Directory.CreateDirectory(Path.Combine(_local, "site")).FullName;
        File.WriteAllText(Path.Combine(project, "index.html"), "<p>hi</p>");

        try
        {
            var result = await Fab(3, $"project:local={project},remote={rootOwned},sudo=true", more: ["-p", SshdFixture.TestUserPassword]);

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(["site", "site/index.html"], Listing(rootOwned));
            Assert.Equal("root", SshdFixture.Exec("stat", "-c", "%U", Path.Combine(rootOwned, "site", "index.html")).Trim());
        }
        finally
        {
            Directory.Delete(rootOwned, recursive: true);
        }
    }

    /// <summary>Every file and folder under <paramref name="folder"/>, relative, sorted.</summary>
    private static string[] Listing(string folder) =>
        [.. Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(folder, p)).Order(StringComparer.Ordinal)];

    /// <summary>A PATH with every program of this one but <paramref name="program"/> (links in a folder of the test's).</summary>
    private string PathWithout(string program)
    {
        var bin = Directory.CreateDirectory(Path.Combine(_local, "bin")).FullName;
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(folder))
            {
                var link = Path.Combine(bin, Path.GetFileName(file));
                if (Path.GetFileName(file) != program && !File.Exists(link))
                {
                    File.CreateSymbolicLink(link, file);
                }
            }
        }

        return bin;
    }

    public void Dispose()
    {
        Directory.Delete(_local, recursive: true);
        Directory.Delete(Path.GetDirectoryName(_remote)!, recursive: true);
    }
}
