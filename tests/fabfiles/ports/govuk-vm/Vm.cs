// A port of a public Fabric 1.x fabfile, written anew in C#: kind "maintenance".
//
// Modelled on: alphagov/fabric-scripts, vm.py (the `vm.*` tasks GOV.UK's operators ran against their machines), with the
// one task of nagios.py it calls, `schedule_downtime` (Nagios.cs). Health checks (uptime, memory, disk, top processes,
// OS version), finding processes that hold deleted libraries, restarting a stuck unicorn by hand, rebooting a machine
// when it needs it after scheduling downtime for it in monitoring, looking up a machine's SSH host key on the
// puppetmaster, and listing who is logged in (in parallel, five machines at a time).
//
// What differs:
// - The module `vm.py` is the task group "vm" ([TaskGroup]); `vm.top_mem_proc` is `vm.top-mem-proc` (underscores still
//   match on the command line).
// - `re.escape(name)` (Python 2: escapes every non-alphanumeric character, so '/lib' becomes '\/lib', which awk's /…/
//   needs) is done by hand: .NET's Regex.Escape leaves '/' alone and would end awk's pattern early.
// - `fabric.utils.error(…)` aborts; it is Abort(…).
// - `print` is Print(…), which prefixes the host.
// - reboot's `execute(force_reboot, hosts=[env['host_string']])` is Execute(ForceReboot, hosts: [Env.HostString]);
//   force_reboot's `execute(nagios.schedule_downtime, env['host_string'])` is Execute(Nagios.ScheduleDowntime, arguments: […]).
using System.Text.RegularExpressions;
using Fabric;
using static Fabric.Api;

namespace GovukVm;

/// <summary>Looking after GOV.UK's virtual machines.</summary>
[TaskGroup("vm")]
public static class Vm
{
    /// <summary>Show uptime and load.</summary>
    [Task]
    public static void Uptime() => Run("uptime");

    /// <summary>Show memory stats.</summary>
    [Task]
    public static void Free() => Run("free");

    /// <summary>Show top processes by memory usage.</summary>
    [Task]
    public static void TopMemProc() => Run("ps aux |sort -rk4 |head");

    /// <summary>Show disk usage.</summary>
    [Task]
    public static void Disk() => Run("df -kh");

    /// <summary>Show operating system.</summary>
    [Task]
    public static void OsVersion() => Run("facter lsbdistcodename lsbdistdescription operatingsystem operatingsystemrelease");

    /// <summary>
    /// Find processes that are using a deprecated library and need restarting: <c>vm.deprecated-library:libssl</c> (a
    /// non-upgraded libssl), <c>vm.deprecated-library:/lib</c> (any deleted or upgraded library).
    /// </summary>
    [Task]
    public static void DeprecatedLibrary(string name) => Sudo($"lsof -d DEL | awk '$8 ~ /{Regex.Replace(name, "[^A-Za-z0-9_]", @"\$0")}/'");

    /// <summary>Find stopped govuk application jobs.</summary>
    [Task]
    public static void StoppedJobs()
    {
        using (Hide("running"))
        {
            Run("grep -l govuk_spinup /etc/init/*.conf | xargs -n1 basename | while read line; do sudo status \"${line%%.conf}\"; done | grep stop || :");
        }
    }

    /// <summary>Manually kill off (and restart) unicorn processes by name, e.g. <c>vm.bodge-unicorn:contentapi</c>. Yes. This is a bodge. Sorry.</summary>
    [Task]
    public static void BodgeUnicorn(string name)
    {
        string pid = Run($"ps auxwww | grep '/{name}/' | grep -F 'unicorn master' | grep -v grep | awk '{{ print $2 }}' | xargs");
        if (pid.Length > 0)
        {
            Sudo($"kill -9 {pid}");
        }

        Sudo($"start '{name}' || restart '{name}'");
    }

    /// <summary>Deprecated by <c>app.reload</c>.</summary>
    [Task]
    public static void ReloadUnicorn(string name) => Abort("task deprecated by 'app.reload'");

    /// <summary>Schedule a host for downtime in nagios and reboot (if required): <c>dotnet fab -H frontend-1 vm.reboot</c>.</summary>
    [Task]
    public static void Reboot()
    {
        if (RebootRequired())
        {
            // Only the host being worked on, not every host of Env.Hosts.
            Execute(ForceReboot, hosts: [Env.HostString!]);
        }
    }

    /// <summary>Schedule a host for downtime in nagios and force reboot (even if not required).</summary>
    [Task]
    public static void ForceReboot()
    {
        Execute(Nagios.ScheduleDowntime, arguments: [Env.HostString]);
        Run("sudo shutdown -r now");
    }

    /// <summary>Schedule a host for downtime in nagios and shut the VM down: <c>dotnet fab -H frontend-1 vm.poweroff</c>.</summary>
    [Task]
    public static void Poweroff()
    {
        Execute(Nagios.ScheduleDowntime, arguments: [Env.HostString]);
        Run("sudo poweroff");
    }

    /// <summary>
    /// Check the SSH host key of a machine, on the puppetmaster (the only machine that knows every host key):
    /// <c>dotnet fab vm.host-key:backend-1.backend</c>.
    /// </summary>
    [Task]
    [Hosts("puppetmaster-1.management")]
    public static void HostKey(string hostname)
    {
        string sshKey;
        using (Hide("running", "stdout"))
        {
            sshKey = Run($"grep {hostname} /etc/ssh/ssh_known_hosts | head -1");
        }

        if (sshKey.Length == 0)
        {
            Print($"Machine {hostname} not found in ssh_known_hosts file");
        }
        else
        {
            using (Hide("running"))
            {
                Run($"ssh-keygen -l -f /dev/stdin <<< '{sshKey}'");
            }
        }
    }

    /// <summary>Output a list of users who are logged in to a machine.</summary>
    [Task]
    [Parallel(PoolSize = 5)]
    public static void ConnectedUsers()
    {
        string users;
        using (Hide("running", "stdout"))
        {
            string username = Run("whoami");
            users = Run($"who | grep -v {username} || true");
        }

        if (users.Length > 0)
        {
            Print($"There are users connected to {Env.HostString}:");
            foreach (var user in users.Split('\n'))
            {
                Print($"  - {user.Split(' ')[0]}");
            }

            Print("");
        }
    }

    /// <summary>Whether the machine needs a reboot (its check says so by failing).</summary>
    private static bool RebootRequired() => Run("/usr/local/bin/check_reboot_required 30 0", warnOnly: true).Failed;
}
