using Fabric.EndToEnd.Tests.Ssh;

namespace Fabric.EndToEnd.Tests.Ports;

/// <summary>
/// The port of skx/dhcp.io's fabfile.py (tests/fabfiles/ports/dhcpio-deploy): a tarball of master shipped to the account's
/// ~/releases, ~/current pointed at it, the local configuration uploaded, the server killed for its supervisor to restart.
/// </summary>
[Collection(SshdGroup.Name)]
public sealed class DhcpIoDeployTests(SshdFixture sshd) : IDisposable
{
    private readonly PortedFabfile _fab = new(sshd, "dhcpio-deploy");
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("port-dhcpio-");

    [Fact]
    public async Task Deploy_tests_ships_master_links_current_uploads_the_local_config_and_kills_the_server()
    {
        Checkout(testsPass: true);
        var server = StartServer();

        var result = await _fab.RunAsync(_work.FullName, "--set", $"host={_fab.Host(0)},user={SshdFixture.TestUser}", "deploy");

        Assert.True(result.ExitCode == 0, result.ToString());
        var current = new DirectoryInfo(Path.Combine(PortedFabfile.Home, "current"));
        Assert.NotNull(current.LinkTarget);
        Assert.Matches(@"/releases/\d{14}$", current.LinkTarget);
        Assert.Equal("package DHCP::Server; 1;\n", File.ReadAllText(Path.Combine(current.FullName, "lib", "DHCP", "Server.pm")));
        Assert.Equal("our $secret = 'local';\n", File.ReadAllText(Path.Combine(current.FullName, "lib", "DHCP", "Config.pm")));
        Assert.True(File.Exists(current.LinkTarget + ".tar.gz"));
        Assert.Empty(_work.GetFiles("*.tar.gz"));
        Assert.True(await StopsAsync(server), "the server should have been killed");
        Assert.Contains($"[{_fab.Host(0)}] Executing task 'deploy'", result.StdoutLines);
        Assert.Contains("[localhost] local: make test", result.StdoutLines);
        Assert.DoesNotContain(result.StdoutLines, l => l.Contains("All tests successful", StringComparison.Ordinal));
        Assert.Contains($"[{_fab.Host(0)}] put: {_work.FullName}/lib/DHCP/Config.pm -> {PortedFabfile.Home}/current/lib/DHCP/Config.pm", result.StdoutLines);
    }

    [Fact]
    public async Task Test_remote_runs_the_test_suite_in_the_current_release()
    {
        Checkout(testsPass: true);
        StartServer();
        var deployed = await _fab.RunAsync(_work.FullName, "--set", $"host={_fab.Host(1)},user={SshdFixture.TestUser}", "deploy");
        Assert.True(deployed.ExitCode == 0, deployed.ToString());

        var result = await _fab.RunAsync(_work.FullName, "--set", $"host={_fab.Host(1)},user={SshdFixture.TestUser}", "test-remote");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"[{_fab.Host(1)}] out: All tests successful.", result.StdoutLines);
    }

    [Fact]
    public async Task Failed_local_tests_without_a_terminal_abort_on_the_question_and_deploy_nothing()
    {
        Checkout(testsPass: false);

        var result = await _fab.RunAsync(_work.FullName, "--set", $"host={_fab.Host(2)},user={SshdFixture.TestUser}", "deploy");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Tests failed. Continue anyway?", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("no terminal", result.Stderr, StringComparison.Ordinal);
        Assert.False(Path.Exists(Path.Combine(PortedFabfile.Home, "current")));
        Assert.Empty(_work.GetFiles("*.tar.gz"));
    }

    [Fact]
    public async Task Failed_local_tests_answered_no_on_a_terminal_abort_at_the_users_request()
    {
        Checkout(testsPass: false);

        using var terminal = _fab.OnTerminal(_work.FullName, "--set", $"host={_fab.Host(3)},user={SshdFixture.TestUser}", "deploy");
        await terminal.WaitForAsync("Tests failed. Continue anyway? [Y/n]", PortedFabfile.Limit);
        terminal.TypeLine("n");

        Assert.Equal(1, await terminal.ExitCodeAsync(PortedFabfile.Limit));
        Assert.Contains("Fatal error: Aborting at user request.", terminal.Screen(), StringComparison.Ordinal);
        Assert.False(Path.Exists(Path.Combine(PortedFabfile.Home, "current")));
    }

    public void Dispose()
    {
        PortedFabfile.AsRoot("cd ~fabtest && rm -rf releases current lighttpd.pid");
        _work.Delete(recursive: true);
    }

    /// <summary>A git checkout as the original expects it: master committed, the local Config.pm untracked, an uncommitted edit.</summary>
    private void Checkout(bool testsPass)
    {
        PortedFabfile.AsRoot("cd ~fabtest && rm -rf releases current lighttpd.pid");
        Write("Makefile", testsPass ? "test:\n\t@echo 'All tests successful.'\n" : "test:\n\t@echo 't/server.t fails'; exit 1\n");
        Write("lib/DHCP/Server.pm", "package DHCP::Server; 1;\n");
        Git("init -q -b master");
        Git("add -A");
        Git("-c user.name=port -c user.email=port@localhost commit -q -m release");
        Write("lib/DHCP/Server.pm", "package DHCP::Server; work in progress\n");
        Write("lib/DHCP/Config.pm", "our $secret = 'local';\n");
    }

    private void Write(string relative, string content)
    {
        var file = Path.Combine(_work.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content);
    }

    private void Git(string arguments) => PortedFabfile.AsRoot($"cd '{_work.FullName}' && git {arguments}");

    /// <summary>A stand-in for the account's lighttpd: a process of the test user's whose pid is in ~/lighttpd.pid.</summary>
    private static int StartServer()
    {
        PortedFabfile.AsTestUser("cd ~ && { setsid sleep 600 >/dev/null 2>&1 & echo $! > lighttpd.pid; }");
        return int.Parse(File.ReadAllText(Path.Combine(PortedFabfile.Home, "lighttpd.pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<bool> StopsAsync(int pid)
    {
        for (var i = 0; i < 50 && IsRunning(pid); i++)
        {
            await Task.Delay(100);
        }

        return !IsRunning(pid);
    }

    /// <summary>True while the process runs (a killed one may linger as a zombie until reaped: that is not running).</summary>
    private static bool IsRunning(int pid)
    {
        var status = $"/proc/{pid}/status";
        return File.Exists(status) && !File.ReadAllLines(status).Any(l => l.StartsWith("State:", StringComparison.Ordinal) && l.Contains('Z', StringComparison.Ordinal));
    }
}
