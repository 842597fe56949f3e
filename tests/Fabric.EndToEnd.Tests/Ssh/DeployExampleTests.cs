using Fabric.EndToEnd.Tests.Infrastructure;

namespace Fabric.EndToEnd.Tests.Ssh;

/// <summary>examples/deploy run by the real tool against the test sshd: web role on two hosts, db role on a third.</summary>
[Collection(SshdGroup.Name)]
public sealed class DeployExampleTests(SshdFixture sshd)
{
    [Fact]
    public async Task The_deploy_example_builds_ships_switches_restarts_and_migrates()
    {
        var root = sshd.Path($"deploy-{Guid.NewGuid():N}");
        var web = $"{SshdFixture.Address(0)}:{sshd.Port};{SshdFixture.Address(1)}:{sshd.Port}";
        var db = $"{SshdFixture.Address(2)}:{sshd.Port}";
        var work = Directory.CreateTempSubdirectory("fab-deploy-work-");
        var settings = $"web={web},db={db},deploy_to={root},restart=touch {root}/restarted";

        var result = await FabTool.RunAsync(work.FullName,
            ["-f", Repository.Path("examples", "deploy", "fabfile"), "-i", sshd.ClientKey, "--known-hosts", sshd.Path($"kh-{Guid.NewGuid():N}"),
             "-u", SshdFixture.OpsUser,              "--set", settings, "build:version=2.0", "deploy:version=2.0", "migrate:version=2.0", "status"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("<h1>Release 2.0</h1>", File.ReadAllText(Path.Combine(root, "current", "index.html")).Trim());
        Assert.True(File.Exists(Path.Combine(root, "restarted")));
        Assert.Equal("migrated to 2.0", File.ReadAllText(Path.Combine(root, "migrations.log")).Trim());
        Assert.Contains($"[{SshdFixture.Address(0)}:{sshd.Port}] {SshdFixture.Address(0)} runs release 2.0", result.StdoutLines);
        Assert.Contains($"[{SshdFixture.Address(1)}:{sshd.Port}] {SshdFixture.Address(1)} runs release 2.0", result.StdoutLines);
        Assert.Equal(
            ["deploy", "deploy", "migrate", "status", "status"],
            result.StdoutLines.Where(l => l.Contains("] Executing task", StringComparison.Ordinal)).Select(l => l.Split('\'')[1]));
        work.Delete(recursive: true);
    }
}
