using Fabric.EndToEnd.Tests.Infrastructure;
using Fabric.EndToEnd.Tests.Ssh;

namespace Fabric.EndToEnd.Tests.Examples;

/// <summary>
/// examples/webapp run by the real tool, from the example's folder, against the test sshd: web role on one host, db role on
/// another, logged in as the test user with the key and password the fabfile sets from <c>--set</c>. The run reads an empty
/// ssh config and a known_hosts file of its own, and so does the ssh that rsync runs: never the running user's <c>~/.ssh</c>.
/// </summary>
[Collection(SshdGroup.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class WebappExampleTests : IDisposable
{
    private const int Timeout = 240_000;
    private static readonly string Example = Repository.Path("examples", "webapp");
    private readonly SshdFixture _sshd;
    private readonly string _parent;
    private readonly string _root;
    private readonly string[] _common;

    public WebappExampleTests(SshdFixture sshd)
    {
        _sshd = sshd;
        _parent = Directory.CreateTempSubdirectory("fabric-webapp-").FullName;
        _root = Path.Combine(_parent, "srv webapp"); // a space, as real paths have
        Directory.CreateDirectory(_root);
        SshdFixture.Exec("chmod", "755", _parent);
        SshdFixture.Exec("chown", $"{SshdFixture.TestUser}:{SshdFixture.TestUser}", _root);
        var sshConfig = sshd.Path("ssh_config-empty");
        File.WriteAllText(sshConfig, "");
        var settings = string.Join(',',
            $"web={SshdFixture.Address(0)}:{sshd.Port}",
            $"db={SshdFixture.Address(1)}:{sshd.Port}",
            $"user={SshdFixture.TestUser}",
            $"key={sshd.ClientKey}",
            $"password={SshdFixture.TestUserPassword}",
            $"deploy_to={_root}",
            "database=db1.internal:5432/webapp",
            $"restart=touch '{_root}/restarted'");
        _common = ["-a", "--known-hosts", sshd.Path($"kh-webapp-{Guid.NewGuid():N}"), "--ssh-config-path", sshConfig, "--set", settings];
    }

    private string Web => $"{SshdFixture.Address(0)}:{_sshd.Port}";

    private string Db => $"{SshdFixture.Address(1)}:{_sshd.Port}";

    public void Dispose() => Directory.Delete(_parent, recursive: true);

    [Fact(Timeout = Timeout)]
    public async Task Setup_twice_makes_the_folders_and_appends_each_environment_line_once()
    {
        await RunOkAsync("setup");
        var again = await RunOkAsync("setup");

        Assert.True(Directory.Exists(Path.Combine(_root, "releases")));
        Assert.Equal([$"WEBAPP_STAGE=staging", $"WEBAPP_ROOT={_root}"], File.ReadAllLines(Path.Combine(_root, "shared", "environment")));
        Assert.DoesNotContain(again.StdoutLines, l => l.Contains("mkdir", StringComparison.Ordinal));
    }

    [Fact(Timeout = Timeout)]
    public async Task Deploy_ships_the_app_edits_its_settings_renders_the_config_records_the_release_on_db_and_restarts()
    {
        await RunOkAsync("setup");
        var result = await RunOkAsync("deploy:version=1.0", "status");

        var release = Path.Combine(_root, "releases", "1.0");
        Assert.Equal(release, new DirectoryInfo(Path.Combine(_root, "current")).LinkTarget);
        Assert.True(File.Exists(Path.Combine(release, "public", "index.html")));
        Assert.False(Directory.Exists(Path.Combine(release, "tmp")), "rsync's exclude left tmp/ out");
        var settings = File.ReadAllLines(Path.Combine(release, "settings.ini"));
        Assert.Contains("debug = false", settings);
        Assert.Contains("database = db1.internal:5432/webapp", settings);
        Assert.True(File.Exists(Path.Combine(release, "settings.ini.bak")), "Sed keeps Fabric's .bak");

        var config = Path.Combine(_root, "shared", "webapp.conf");
        Assert.Equal((UnixFileMode)0x1A0, File.GetUnixFileMode(config)); // 0640
        var rendered = File.ReadAllText(config);
        Assert.Contains($"server_name {SshdFixture.Address(0)};", rendered, StringComparison.Ordinal);
        Assert.Contains($"root {_root}/current/public;", rendered, StringComparison.Ordinal);
        Assert.Contains("    upstream 127.0.0.1:9002;\n", rendered, StringComparison.Ordinal);

        Assert.StartsWith("1.0 ", File.ReadAllText(Path.Combine(_root, "releases.log")), StringComparison.Ordinal);
        Assert.Contains(result.StdoutLines, l => l.StartsWith($"[{Db}] run: mkdir -p '{_root}'", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(_root, "restarted")));
        Assert.Contains($"[{Web}] {SshdFixture.Address(0)} runs 1.0", result.StdoutLines);
        Assert.DoesNotContain(SshdFixture.TestUserPassword, result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact(Timeout = Timeout)]
    public async Task Deploy_to_production_without_a_terminal_aborts_naming_the_question_and_ships_nothing()
    {
        var result = await FabTool.RunAsync(Path.Combine(Example, "fabfile"), [.. _common, "--set", "stage=production", "deploy:version=2.0"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Deploy 2.0 to production?", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_root, "releases", "2.0")));
    }

    [Fact(Timeout = Timeout)]
    public async Task Deploy_to_production_on_a_terminal_asks_and_deploys_on_yes()
    {
        using var terminal = TmuxTerminal.Start(Example, FabTool.DotnetHost,
            [FabTool.ToolPath, "-f", "fabfile", .. _common, "--set", "stage=production", "deploy:version=2.0"]);

        await terminal.WaitForAsync("Deploy 2.0 to production? [y/N]", TimeSpan.FromSeconds(120));
        terminal.TypeLine("y");

        Assert.True(await terminal.ExitCodeAsync(TimeSpan.FromSeconds(120)) == 0, terminal.Screen());
        Assert.Equal(Path.Combine(_root, "releases", "2.0"), new DirectoryInfo(Path.Combine(_root, "current")).LinkTarget);
    }

    /// <summary>Runs the example from its own folder, as its README does.</summary>
    private async Task<FabResult> RunOkAsync(params string[] tasks)
    {
        var result = await FabTool.RunAsync(Example, [.. _common, .. tasks], timeout: TimeSpan.FromSeconds(200));
        Assert.True(result.ExitCode == 0, $"dotnet fab {string.Join(' ', tasks)}:\n{result}");
        return result;
    }
}
