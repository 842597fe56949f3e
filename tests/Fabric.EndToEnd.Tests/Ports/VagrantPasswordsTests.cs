using Fabric.EndToEnd.Tests.Infrastructure;
using Fabric.EndToEnd.Tests.Ssh;

namespace Fabric.EndToEnd.Tests.Ports;

/// <summary>
/// The port of Tsujiba/Python-Sample's vagrant fab_project/fabfile.py (tests/fabfiles/ports/vagrant-passwords):
/// two machines (test hosts 0 and 1) logged in with the password the fabfile gives each in
/// Env.Passwords, with no key and no -p.
/// </summary>
[Collection(SshdGroup.Name)]
public sealed class VagrantPasswordsTests(SshdFixture sshd)
{
    private readonly PortedFabfile _fab = new(sshd, "vagrant-passwords", key: false);

    private string Web => _fab.Host(0, SshdFixture.TestUser);

    private string Db => _fab.Host(1, SshdFixture.TestUser);

    [Fact]
    public async Task Only_the_Task_method_is_a_task_as_in_Fabric_once_one_is_marked()
    {
        var result = await _fab.RunAsync(PortedFabfile.Home, "--list");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(result.StdoutLines, l => l.Trim().StartsWith("go", StringComparison.Ordinal));
        Assert.DoesNotContain("host-type", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("hsot-files", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Go_logs_in_to_each_machine_with_its_own_password_from_the_fabfile()
    {
        var result = await Go(SshdFixture.TestUserPassword, SshdFixture.TestUserPassword);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(result.StdoutLines, l => l.StartsWith($"[{Web}] out: total ", StringComparison.Ordinal));
        Assert.Contains(result.StdoutLines, l => l.StartsWith($"[{Db}] out: total ", StringComparison.Ordinal));
        Assert.DoesNotContain(SshdFixture.TestUserPassword, result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_for_one_machine_fails_that_machine_only_and_is_never_shown()
    {
        const string wrong = "not-the-db-password-3318";

        var result = await Go(SshdFixture.TestUserPassword, wrong);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.StdoutLines, l => l.StartsWith($"[{Web}] out: total ", StringComparison.Ordinal));
        Assert.Contains($"Fatal error:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(Db, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    private Task<FabResult> Go(string webPassword, string dbPassword) =>
        _fab.RunAsync(PortedFabfile.Home, "--set", $"web={Web},db={Db},web_password={webPassword},db_password={dbPassword}", "go");
}
