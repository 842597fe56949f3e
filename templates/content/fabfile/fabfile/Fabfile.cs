#if (SingleFile)
#:package Fabric@FABRIC_VERSION
// Your fabfile, in one file. `dotnet fab` finds fabfile.cs in this folder or a parent and builds it whenever it changed,
// implying what a fabfile needs (a library, not a program; <summary> comments as task descriptions): the line above is
// all it takes. Another package: `#:package Name@1.2.3`. Grown to several files, or tests? `dotnet new fabfile` makes a project.

#endif
using Fabric;
using static Fabric.Api;

namespace FabfileProject;

/// <summary>
/// Your tasks: every public method marked [Task] is one. `dotnet fab --list` lists them, `dotnet fab -d NAME`
/// shows one, `dotnet fab NAME` runs it (`dotnet fab a b:x=1` runs several, in order).
/// </summary>
public static class Fabfile
{
#if (!NoSamples)
    // Setup: runs once per `dotnet fab`, after -H/-R/--set are applied and before the first task.
    // This is where roles (named host lists) are defined. Replace these host names with your servers:
    // host strings are [user@]host[:port], the user defaulting to -u or your local user.
    static Fabfile()
    {
        Env.RoleDefs["web"] = ["web1", "web2"];
        // A role may also be computed, only when a task that needs it is about to run:
        // Env.RoleDefs.Add("db", () => File.ReadAllLines("db-hosts.txt"));

        // Run and Sudo wrap each command in Env.Shell, "/bin/bash -l -c" by default. Hosts without bash (Alpine,
        // BusyBox, minimal images) say "/bin/bash: not found": use their POSIX shell here, or `--shell "/bin/sh -c"`.
        // Env.Shell = "/bin/sh -c";
    }

    /// <summary>Says hello from this machine: a local task, no SSH. Also what a bare `dotnet fab` runs.</summary>
    [Task(Default = true)]
    public static void Hello()
    {
        Print($"Hello from {Environment.MachineName}!");
        Local("uname -sr");                      // runs a shell command here; a failure aborts the run
    }

    /// <summary>Shows how long a host has been up: runs on the hosts named by [Hosts].</summary>
    // [Hosts] wins over -H; a per-task argument wins over [Hosts]: `dotnet fab uptime:hosts=web1;web2`.
    [Task, Hosts("localhost")]
    public static void Uptime() => Run("uptime");

    /// <summary>Shows free disk space on every host of the web role.</summary>
    [Task, Roles("web")]
    public static void Disk()
    {
        var result = Run("df -h /", warnOnly: true);   // warnOnly: a failure is a warning, the task goes on
        if (result.Failed)
        {
            Warn($"df failed on {Env.Host}");
        }
    }

    /// <summary>Deploys a branch to the web role. Try: dotnet fab deploy:branch=release,keep=3 (or -d deploy).</summary>
    /// <param name="branch">The git branch to deploy.</param>
    /// <param name="keep">How many old releases to keep.</param>
    /// <param name="restart">Restart the service afterwards.</param>
    // Arguments are converted to the parameters' types (string, bool, numbers, enums, TimeSpan, arrays as a;b)
    // and checked for every task before anything runs.
    [Task, Roles("web")]
    public static void Deploy(string branch = "main", int keep = 5, bool restart = true)
    {
        using (Cd("/srv/app"))                   // later commands run in this folder
        {
            Run($"git fetch && git checkout {branch} && git pull");
            Run($"ls -1dt releases/* | tail -n +{keep + 1} | xargs -r rm -rf");
        }

        if (restart)
        {
            // A remote command reads nothing unless given input (input: "…") or you type it on a terminal;
            // pty: true (or --pty) runs it on a terminal, for interactive programs and sudoers that require one.
            Sudo("systemctl restart app");
        }
    }
#else
    /// <summary>Says hello from this machine: a local task, no SSH. Also what a bare `dotnet fab` runs.</summary>
    [Task(Default = true)]
    public static void Hello() => Print($"Hello from {Environment.MachineName}!");
#endif
}
