using System.Globalization;
using Fabric.EndToEnd.Tests.Infrastructure;
using Fabric.EndToEnd.Tests.Ssh;

namespace Fabric.EndToEnd.Tests.Ports;

/// <summary>
/// The port of alphagov/fabric-scripts' vm.py and nagios.schedule_downtime (tests/fabfiles/ports/govuk-vm): machines
/// named by aliases of an ssh config (frontend-1, frontend-2, backend-1, alert.cluster, puppetmaster-1.management, all
/// test hosts), logged in as the test user with sudo. For the length of a test the test user's ~/bin holds a stand-in
/// <c>facter</c>, and a <c>sudo</c> that records <c>shutdown</c>/<c>poweroff</c> instead of running them (anything else
/// goes to the real sudo), so that <c>vm.reboot</c> can be run without rebooting the machine running the tests.
/// </summary>
[Collection(SshdGroup.Name)]
public sealed class GovukVmTests : IDisposable
{
    private readonly PortedFabfile _fab;
    private readonly string _folder = Directory.CreateTempSubdirectory("port-govuk-").FullName;
    private readonly string _config;
    private readonly string _bin = Path.Combine(PortedFabfile.Home, "bin");

    public GovukVmTests(SshdFixture sshd)
    {
        _fab = new PortedFabfile(sshd, "govuk-vm");
        var aliases = new[] { ("frontend-1", 0), ("frontend-2", 1), ("backend-1", 2), ("alert.cluster", 3), ("puppetmaster-1.management", 4) };
        _config = Path.Combine(_folder, "ssh_config");
        File.WriteAllText(_config, string.Concat(aliases.Select(a =>
            $"Host {a.Item1}\n  HostName {SshdFixture.Address(a.Item2)}\n  Port {sshd.Port}\n  User {SshdFixture.TestUser}\n")));
        StandIns();
    }

    private string PowerLog => Path.Combine(_folder, "power.log");

    [Fact]
    public async Task Health_checks_run_on_each_machine_named_by_its_alias()
    {
        var result = await Fab("-H", "frontend-1,frontend-2", "vm.uptime", "vm.free", "vm.disk", "vm.top_mem_proc", "vm.os-version");

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var host in new[] { "frontend-1", "frontend-2" })
        {
            Assert.Contains(result.StdoutLines, l => l.StartsWith($"[{host}] out: ", StringComparison.Ordinal) && l.Contains("load average", StringComparison.Ordinal));
            Assert.Contains(result.StdoutLines, l => l.StartsWith($"[{host}] out: Mem:", StringComparison.Ordinal));
            Assert.Contains(result.StdoutLines, l => l.StartsWith($"[{host}] out: Filesystem", StringComparison.Ordinal));
            Assert.Contains($"[{host}] out: operatingsystem => Debian", result.StdoutLines);
            Assert.Contains($"[{host}] Executing task 'vm.top-mem-proc'", result.StdoutLines);
        }
    }

    [Fact]
    public async Task Reboot_schedules_downtime_on_the_monitoring_host_then_shuts_down_only_the_machine_it_runs_on()
    {
        var commandFile = Path.Combine(_folder, "nagios.cmd");
        var result = await Fab(
            "-H", "frontend-1", "--set", $"environment=staging,monitoring_domain=gov.test,nagios_cmd_file={commandFile}", "vm.reboot");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            ["[frontend-1] Executing task 'vm.reboot'", "[frontend-1] Executing task 'vm.force-reboot'", "[alert.cluster] Executing task 'nagios.schedule-downtime'"],
            result.StdoutLines.Where(l => l.Contains("] Executing task", StringComparison.Ordinal)));
        Assert.Contains("Warning: run '/usr/local/bin/check_reboot_required 30 0' on frontend-1 failed with exit code 127", result.Stderr, StringComparison.Ordinal);
        var commands = File.ReadAllLines(commandFile);
        Assert.Equal(2, commands.Length);
        var schedule = System.Text.RegularExpressions.Regex.Match(
            commands[0], @"^\[(\d+)\] SCHEDULE_HOST_SVC_DOWNTIME;frontend-1\.staging\.gov\.test;(\d+);(\d+);1;0;1200;fabric;fabric$");
        Assert.True(schedule.Success, commands[0]);
        Assert.Equal(long.Parse(schedule.Groups[2].Value, CultureInfo.InvariantCulture) + 1200, long.Parse(schedule.Groups[3].Value, CultureInfo.InvariantCulture));
        Assert.EndsWith($"] ADD_HOST_COMMENT;frontend-1.staging.gov.test;0;{SshdFixture.TestUser};downtime scheduled by {SshdFixture.TestUser} via fabric", commands[1]);
        Assert.Equal([$"{SshdFixture.Address(0)} shutdown -r now"], File.ReadAllLines(PowerLog));
    }

    [Fact]
    public async Task Library_search_escapes_the_name_for_awk_and_a_deprecated_task_aborts_with_its_message()
    {
        var search = await Fab("-H", "backend-1", "vm.deprecated_library:/lib");
        var deprecated = await Fab("-H", "backend-1", "vm.reload_unicorn:contentapi");

        Assert.True(search.ExitCode == 0, search.ToString());
        Assert.Contains("[backend-1] sudo: lsof -d DEL | awk '$8 ~ /\\/lib/'", search.StdoutLines);
        Assert.Equal(1, deprecated.ExitCode);
        Assert.Contains("Fatal error: task deprecated by 'app.reload'", deprecated.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bodge_unicorn_kills_the_named_master_and_tries_to_start_the_job_again()
    {
        PortedFabfile.AsTestUser("setsid bash -c 'exec -a \"unicorn master -c /srv/contentapi/unicorn.rb\" sleep 600' >/dev/null 2>&1 &");
        var pid = PortedFabfile.AsRoot("pgrep -f 'unicorn maste[r] -c /srv/contentapi/'").Trim();

        var result = await Fab("-w", "-H", "backend-1", "vm.bodge-unicorn:contentapi");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"[backend-1] out: {pid}", result.StdoutLines);
        Assert.Contains($"[backend-1] sudo: kill -9 {pid}", result.StdoutLines);
        Assert.Equal("", PortedFabfile.AsRoot("pgrep -f 'unicorn maste[r] -c /srv/contentapi/' || true").Trim());
        Assert.Contains("Warning: sudo 'start 'contentapi' || restart 'contentapi'' on backend-1 failed", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_key_asks_the_puppetmaster_and_connected_users_hides_its_commands()
    {
        var result = await Fab("-H", "frontend-1,frontend-2,backend-1", "vm.host_key:backend-1.backend", "vm.connected_users");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("[puppetmaster-1.management] Machine backend-1.backend not found in ssh_known_hosts file", result.StdoutLines);
        Assert.Equal(4, result.StdoutLines.Count(l => l.Contains("] Executing task", StringComparison.Ordinal)));
        Assert.DoesNotContain(result.StdoutLines, l => l.Contains("run: whoami", StringComparison.Ordinal) || l.Contains("run: grep", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        Directory.Delete(_bin, recursive: true);
        Directory.Delete(_folder, recursive: true);
    }

    private Task<FabResult> Fab(params string[] args) =>
        _fab.RunAsync(_folder, ["--ssh-config-path", _config, "-p", SshdFixture.TestUserPassword, .. args]);

    /// <summary>The test user's ~/bin stand-ins (on PATH in its login shells), checked to be the ones a login shell finds.</summary>
    private void StandIns()
    {
        PortedFabfile.AsRoot($"chmod 777 '{_folder}'");
        Directory.CreateDirectory(_bin);
        File.WriteAllText(Path.Combine(_bin, "facter"), "#!/bin/sh\necho 'lsbdistcodename => bookworm'\necho 'operatingsystem => Debian'\n");
        File.WriteAllText(Path.Combine(_bin, "sudo"), $"""
            #!/bin/sh
            case "$1" in
              shutdown|poweroff) echo "$(echo "$SSH_CONNECTION" | cut -d' ' -f3) $*" >> '{PowerLog}'; exit 0 ;;
            esac
            exec /usr/bin/sudo "$@"

            """);
        PortedFabfile.AsRoot($"chmod 755 '{_bin}'/* && chown -R {SshdFixture.TestUser}: '{_bin}'");
        var found = PortedFabfile.AsTestUser("bash -l -c 'command -v sudo'").Trim();
        Assert.True(found == Path.Combine(_bin, "sudo"), $"the stand-in sudo is not the one a login shell finds ({found}): not running vm.reboot");
    }
}
