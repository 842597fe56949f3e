using Fabric.EndToEnd.Tests.Infrastructure;

namespace Fabric.EndToEnd.Tests.Ssh;

/// <summary>Remote operations through the real <c>dotnet fab</c> command line, against the test sshd.</summary>
[Collection(SshdGroup.Name)]
public sealed class ToolSshTests(SshdFixture sshd) : IDisposable
{
    private readonly string _knownHosts = sshd.Path($"known_hosts-tool-{Guid.NewGuid():N}");

    private static string Fabfile => Repository.Path("tests", "fabfiles", "remote");

    private string Host(int index, string? user = null) => (user is null ? "" : user + "@") + $"{SshdFixture.Address(index)}:{sshd.Port}";

    private Task<FabResult> Fab(params string[] args) =>
        FabTool.RunAsync(Repository.Root, ["-f", Fabfile, "-i", sshd.ClientKey, "--known-hosts", _knownHosts, "-u", SshdFixture.OpsUser, .. args]);

    [Fact]
    public async Task A_task_runs_on_three_hosts_in_host_order_and_every_connection_is_closed_at_the_end()
    {
        var result = await Fab("-H", $"{Host(0)},{Host(1)},{Host(2)}", "where");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [$"[{Host(0)}] out: 127.0.0.2", $"[{Host(1)}] out: 127.0.0.3", $"[{Host(2)}] out: 127.0.0.4"],
            result.StdoutLines.Where(l => l.Contains("] out: ", StringComparison.Ordinal)));
        Assert.Contains($"[{Host(0)}] run: echo \"$SSH_CONNECTION\" | cut -d' ' -f3", result.StdoutLines);
        Assert.Equal(
            ["Done.", $"Disconnecting from {Host(0)}... done.", $"Disconnecting from {Host(1)}... done.", $"Disconnecting from {Host(2)}... done."],
            result.RunLines[^4..]);
    }

    [Fact]
    public async Task Two_tasks_on_one_host_use_one_connection()
    {
        var before = sshd.ConnectionsTo(3);

        var result = await Fab("-H", Host(3), "where", "whoami", "where");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"[{Host(3)}] out: {SshdFixture.OpsUser}", result.StdoutLines);
        Assert.Equal(1, sshd.ConnectionsTo(3) - before);
    }

    [Fact]
    public async Task A_failed_command_stops_before_the_next_host_names_command_host_and_stderr_and_still_disconnects()
    {
        var marker = sshd.Path($"marker-{Guid.NewGuid():N}");

        var result = await Fab("-H", $"{Host(0)},{Host(1)}", "fail", $"touch:path={marker}");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"Fatal error: run 'echo 'disk full' >&2; exit 3' on {Host(0)} failed with exit code 3:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("    disk full", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain($"[{Host(1)}] Executing", result.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(marker));
        Assert.Contains($"Disconnecting from {Host(0)}... done.", result.StdoutLines);
    }

    [Fact]
    public async Task Warn_only_reports_the_failure_and_goes_on()
    {
        var result = await Fab("-w", "-H", Host(0), "fail", "whoami");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"Warning: run 'echo 'disk full' >&2; exit 3' on {Host(0)} failed with exit code 3", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"[{Host(0)}] out: {SshdFixture.OpsUser}", result.StdoutLines);
    }

    [Fact]
    public async Task Sudo_as_another_user_runs_as_that_user()
    {
        var result = await Fab("-H", Host(0), $"sudo-whoami:user={SshdFixture.TestUser}");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"[{Host(0)}] out: {SshdFixture.TestUser}", result.StdoutLines);
    }

    [Fact]
    public async Task A_password_login_and_a_sudo_that_asks_for_it_work_and_the_password_never_shows_or_is_logged()
    {
        var log = sshd.Path($"log-{Guid.NewGuid():N}");
        var result = await FabTool.RunAsync(Repository.Root,
            ["-f", Fabfile, "--known-hosts", _knownHosts, "-u", SshdFixture.TestUser, "-p", SshdFixture.TestUserPassword,
             "--show", "debug", "--log-file", log, "-H", Host(1), "whoami", "sudo-whoami"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"[{Host(1)}] out: {SshdFixture.TestUser}", result.StdoutLines);
        Assert.Contains($"[{Host(1)}] out: root", result.StdoutLines);
        Assert.Contains("executing: ", File.ReadAllText(log), StringComparison.Ordinal);
        Assert.DoesNotContain(SshdFixture.TestUserPassword, result.Stdout + result.Stderr + File.ReadAllText(log), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_key_is_one_clear_line_naming_the_host_and_exit_1()
    {
        var result = await FabTool.RunAsync(Repository.Root,
            ["-f", Fabfile, "-i", sshd.WrongClientKey, "--known-hosts", _knownHosts, "-u", SshdFixture.TestUser, "-H", Host(2), "whoami"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(Host(2), result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Fatal error:", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_host_key_aborts_before_any_command_runs()
    {
        var marker = sshd.Path($"marker-{Guid.NewGuid():N}");
        File.WriteAllText(_knownHosts, sshd.KnownHostsLine(0, sshd.OtherHostKey) + "\n");

        var result = await Fab("-H", Host(0), $"touch:path={marker}");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(Host(0), result.Stderr, StringComparison.Ordinal);
        Assert.Contains("host key", result.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public async Task A_host_known_by_its_rsa_key_only_passes_reject_unknown_hosts_without_a_warning()
    {
        var line = sshd.KnownHostsLine(3, sshd.RsaHostKey) + "\n";
        File.WriteAllText(_knownHosts, line);

        var result = await Fab("--reject-unknown-hosts", "-H", Host(3), "whoami");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"[{Host(3)}] out: {SshdFixture.OpsUser}", result.StdoutLines);
        Assert.DoesNotContain("Warning", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(line, File.ReadAllText(_knownHosts));
    }

    [Fact]
    public async Task Shell_sets_the_shell_remote_commands_run_in()
    {
        var posix = await Fab("--shell", "/bin/sh -c", "-H", Host(1), "where");
        var missing = await Fab("--shell", "/bin/fab-no-such-shell -c", "-H", Host(1), "where");

        Assert.Equal(0, posix.ExitCode);
        Assert.Contains($"[{Host(1)}] out: 127.0.0.3", posix.StdoutLines);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("/bin/fab-no-such-shell", missing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_host_is_added_to_known_hosts_with_a_warning()
    {
        var result = await Fab("-H", Host(4), "whoami");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Warning:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"[{SshdFixture.Address(4)}]:{sshd.Port}", File.ReadAllText(_knownHosts), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reject_unknown_hosts_refuses_a_host_not_in_known_hosts()
    {
        var marker = sshd.Path($"marker-{Guid.NewGuid():N}");

        var result = await Fab("--reject-unknown-hosts", "-H", Host(4), $"touch:path={marker}");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(Host(4), result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(marker));
        Assert.False(File.Exists(_knownHosts) && File.ReadAllText(_knownHosts).Contains(SshdFixture.Address(4), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_key_file_is_a_usage_error_before_any_connection()
    {
        var before = sshd.ConnectionsTo(0);

        var result = await FabTool.RunAsync(Repository.Root, ["-f", Fabfile, "-i", "/nonexistent/key", "-H", Host(0), "whoami"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Key file '/nonexistent/key' (-i) does not exist.", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, sshd.ConnectionsTo(0));
    }

    [Fact]
    public async Task A_command_longer_than_the_command_timeout_is_stopped_and_reported_with_exit_1()
    {
        var result = await Fab("-T", "1", "-H", Host(0), "sleep:30", "whoami");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"Timed out after 1 s running 'sleep 30' on {Host(0)}", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain($"[{Host(0)}] out: {SshdFixture.OpsUser}", result.StdoutLines);
    }

    [Fact]
    public async Task Dry_run_of_remote_tasks_connects_nowhere()
    {
        var before = Enumerable.Range(0, SshdFixture.HostCount).Sum(sshd.ConnectionsTo);

        var result = await Fab("--dry-run", "-H", Host(0), "--set", $"sshd={Host(1)};{Host(2)}", "where", "role-where", $"whoami:hosts={Host(3)}");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"   hosts from Env.Hosts/Env.Roles (-H/-R, the fabfile's setup): {Host(0)}", result.StdoutLines);
        Assert.Contains($"   hosts from [Hosts]/[Roles] on the method: {Host(1)}, {Host(2)}", result.StdoutLines);
        Assert.Contains($"   hosts from the task's command-line arguments: {Host(3)}", result.StdoutLines);
        Assert.Equal(before, Enumerable.Range(0, SshdFixture.HostCount).Sum(sshd.ConnectionsTo));
        Assert.False(File.Exists(_knownHosts));
    }

    public void Dispose() => File.Delete(_knownHosts);
}
