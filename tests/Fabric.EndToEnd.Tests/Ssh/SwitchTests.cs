using Fabric.EndToEnd.Tests.Infrastructure;

namespace Fabric.EndToEnd.Tests.Ssh;

/// <summary>
/// Switching host, user and credentials from the fabfile (<c>Settings(hostString:, user:, keyFilenames:)</c>,
/// <c>Env.User</c>, <c>Env.Password</c>, <c>Env.Passwords</c>, <c>Env.KeyFilenames</c>) through the real tool, against the test sshd.
/// Logs in as <c>fabtest</c> and <c>fabswitch</c> (a user of these tests' own; the sshd's authorized keys serve every user).
/// </summary>
[Collection(SshdGroup.Name)]
public sealed class SwitchTests(SshdFixture sshd) : IDisposable
{
    private const string SecondUser = "fabswitch";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);
    private static readonly Lazy<bool> SecondUserMade = new(() =>
    {
        Hosts.TestAccounts.Ensure(SecondUser, "/bin/bash", withPassword: true);
        return true;
    });
    private readonly string _knownHosts = sshd.Path($"known_hosts-switch-{Guid.NewGuid():N}");

    private static string Fabfile => Repository.Path("tests", "fabfiles", "switches");

    private string Host(int index, string? user = null) => (user is null ? "" : user + "@") + $"{SshdFixture.Address(index)}:{sshd.Port}";

    private Task<FabResult> Fab(params string[] args) =>
        FabTool.RunAsync(Repository.Root, ["-f", Fabfile, "--known-hosts", _knownHosts, .. args], timeout: Limit);

    [Fact]
    public async Task A_host_string_scope_runs_on_that_host_reusing_one_connection_and_reports_it()
    {
        var before = sshd.ConnectionsTo(1);
        var other = Host(1, SshdFixture.TestUser);

        var result = await Fab("-i", sshd.ClientKey, "-H", Host(0, SshdFixture.TestUser), $"switch:other={other}", $"switch:other={other}");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"[{other}] inside: {other} {SshdFixture.Address(1)} {SshdFixture.TestUser}", result.StdoutLines);
        Assert.Equal(2, result.StdoutLines.Count(l => l == $"[{other}] out: {SshdFixture.Address(1)}"));
        Assert.Equal(2, result.StdoutLines.Count(l => l == $"[{other}] out: {SshdFixture.TestUser}"));
        Assert.Contains($"[{Host(0, SshdFixture.TestUser)}] after: {Host(0, SshdFixture.TestUser)}", result.StdoutLines);
        Assert.Equal(1, sshd.ConnectionsTo(1) - before);
        Assert.Contains($"Disconnecting from {other}... done.", result.StdoutLines);
    }

    [Fact]
    public async Task Put_inside_a_host_string_scope_uploads_to_that_host()
    {
        var local = sshd.Path($"switch-put-{Guid.NewGuid():N}.txt");
        var remote = $"/tmp/fab-switch-{Guid.NewGuid():N}.txt";
        await File.WriteAllTextAsync(local, "switched upload\n");
        try
        {
            var result = await Fab("-i", sshd.ClientKey, "-H", Host(0, SshdFixture.TestUser), $"upload-to:other={Host(3, SshdFixture.TestUser)},local={local},remote={remote}");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains($"[{Host(3, SshdFixture.TestUser)}] out: switched upload", result.StdoutLines);
            Assert.Equal(SshdFixture.TestUser, SshdFixture.Exec("stat", "-c", "%U", remote).Trim());
        }
        finally
        {
            File.Delete(local);
            File.Delete(remote);
        }
    }

    [Fact]
    public async Task A_task_with_no_host_runs_on_the_host_of_its_Settings_block()
    {
        var result = await Fab("-i", sshd.ClientKey, $"hostless:other={Host(2, SshdFixture.TestUser)}");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"[{Host(2, SshdFixture.TestUser)}] out: {SshdFixture.TestUser}", result.StdoutLines);
    }

    [Fact]
    public async Task Env_User_assigned_in_a_task_logs_the_rest_of_that_run_and_the_runs_after_in_as_that_user()
    {
        Assert.True(SecondUserMade.Value);
        var before = sshd.ConnectionsTo(2);

        var result = await Fab("-i", sshd.ClientKey, "-u", SshdFixture.TestUser, "-H", Host(2), $"become:user={SecondUser}", $"become:user={SecondUser}");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            [$"[{Host(2)}] out: {SshdFixture.TestUser}", $"[{SecondUser}@{Host(2)}] out: {SecondUser}", $"[{Host(2)}] out: {SecondUser}", $"[{Host(2)}] out: {SecondUser}"],
            result.StdoutLines.Where(l => l.Contains("] out: ", StringComparison.Ordinal)));
        Assert.Contains($"[{SecondUser}@{Host(2)}] Env.User={SecondUser}", result.StdoutLines);
        Assert.Contains($"[{Host(2)}] Env.User={SecondUser}", result.StdoutLines);
        Assert.Equal(2, sshd.ConnectionsTo(2) - before); // one per user: the second task's run reuses the second
    }

    [Fact]
    public async Task A_user_scope_logs_its_block_in_as_that_user_and_the_task_goes_on_as_before_after_it()
    {
        Assert.True(SecondUserMade.Value);

        var result = await Fab("-i", sshd.ClientKey, "-u", SshdFixture.TestUser, "-H", Host(3), $"as-user:user={SecondUser}");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            [$"[{SecondUser}@{Host(3)}] out: {SecondUser}", $"[{Host(3)}] out: {SshdFixture.TestUser}"],
            result.StdoutLines.Where(l => l.Contains("] out: ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_key_file_scope_logs_in_with_that_key_and_no_other()
    {
        var result = await Fab("-a", $"with-key:other={Host(4, SshdFixture.TestUser)},key={sshd.ClientKey}");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"[{Host(4, SshdFixture.TestUser)}] out: {SshdFixture.TestUser}", result.StdoutLines);
    }

    [Fact]
    public async Task Env_KeyFilenames_set_in_setup_is_as_good_as_i()
    {
        var result = await Fab("-a", "--set", $"key={sshd.ClientKey}", "-H", Host(0, SshdFixture.TestUser), "show-password");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"[{Host(0, SshdFixture.TestUser)}] out: {SshdFixture.TestUser}", result.StdoutLines);
    }

    [Fact]
    public async Task Env_Password_set_in_setup_logs_in_like_p_and_is_masked_everywhere()
    {
        var result = await Fab("-a", "--set", $"password={SshdFixture.TestUserPassword}", "-H", Host(1, SshdFixture.TestUser), "show-password");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"[{Host(1, SshdFixture.TestUser)}] out: {SshdFixture.TestUser}", result.StdoutLines);
        Assert.Contains($"[{Host(1, SshdFixture.TestUser)}] out: ****", result.StdoutLines);
        Assert.DoesNotContain(SshdFixture.TestUserPassword, result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Env_Passwords_gives_the_password_of_the_host_string_it_names()
    {
        var key = $"{SshdFixture.TestUser}@{SshdFixture.Address(2)}:{sshd.Port}";

        var result = await Fab("-a", "--set", $"passwords_key={key}", "--set", $"passwords_value={SshdFixture.TestUserPassword}", "-H", Host(2, SshdFixture.TestUser), "show-password");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"[{Host(2, SshdFixture.TestUser)}] out: {SshdFixture.TestUser}", result.StdoutLines);
        Assert.DoesNotContain(SshdFixture.TestUserPassword, result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_host_string_in_Settings_is_one_line_naming_it()
    {
        var result = await Fab("hostless:other=fabtest@");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Fatal error: Invalid host string 'fabtest@' in Settings(hostString:): the host after '@' is missing. (task 'hostless')", result.StderrLines);
        Assert.DoesNotContain("Exception", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_fabfile_assembly_knows_where_it_was_loaded_from()
    {
        var result = await Fab("location");

        Assert.True(result.ExitCode == 0, result.ToString());
        var location = result.StdoutLines.Single(l => l.StartsWith("location=", StringComparison.Ordinal))["location=".Length..];
        Assert.True(File.Exists(location), location);
        Assert.Equal("Switches.dll", Path.GetFileName(location));
        Assert.StartsWith(Fabfile + Path.DirectorySeparatorChar, location, StringComparison.Ordinal);
        Assert.Contains("directory=" + Fabfile, result.StdoutLines);
    }

    public void Dispose() => File.Delete(_knownHosts);
}
