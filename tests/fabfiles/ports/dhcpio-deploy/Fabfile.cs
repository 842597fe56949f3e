// A port of a public Fabric 1.x fabfile, written anew in C#: kind "deploy".
//
// Modelled on: skx/dhcp.io, fabfile.py: the deploy of a small Perl web service to one account on one host. It runs
// the local test suite (and asks whether to go on when it fails), packs the `master` branch with `git archive`,
// uploads the tarball into ~/releases, unpacks it into a folder named after the time, points ~/current at it,
// uploads a local configuration file that is not in git, and restarts the server by killing it (a supervisor
// starts it again). `test_remote` runs the test suite on the host.
//
// What differs:
// - The original names its host and account at module level (env.hosts = ['<its host>:2222'], env.user = 's-dhcp').
//   This port takes them from `--set host=…,user=…` so that the tests point it at their own sshd; the account still
//   defaults to s-dhcp, assigned to Env.User in setup as the original assigns env.user.
// - Classic-style tasks (no [Task] attribute), as the original has no @task: every public method is a task.
// - `time.strftime('%Y%m%d%H%M%S')` is DateTime.Now formatted the same way; `os.path.isfile` is File.Exists.
// - The original's __main__ block (re-running `fab -f fabfile.py`) has no counterpart: `dotnet fab` is the entry point.
using System.Globalization;
using Fabric;
using static Fabric.Api;

namespace DhcpIoDeploy;

/// <summary>Deploys the dhcp.io service to its account: a tarball of master into ~/releases, ~/current pointing at it.</summary>
public static class Fabfile
{
    static Fabfile()
    {
        if (Env["host"] is { } host)
        {
            Env.Hosts = [host];
        }

        Env.User = Env["user"] ?? "s-dhcp";
    }

    /// <summary>Run the test suite, against the local system.</summary>
    public static void Test()
    {
        CommandResult result;
        using (Settings(warnOnly: true))
        {
            result = Local("make test", capture: true);
        }

        if (result.Failed && !Confirm("Tests failed. Continue anyway?"))
        {
            Abort("Aborting at user request.");
        }
    }

    /// <summary>Run the test suite against the remote installation.</summary>
    public static void TestRemote()
    {
        using (Cd("~/current/"))
        {
            Run("make test");
        }
    }

    /// <summary>Deploy the application, after running the test suite successfully.</summary>
    public static void Deploy()
    {
        Test();

        // The release identifier: the time, to the second.
        var release = DateTime.Now.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        Env["release"] = release;

        // Create a tarball of master and upload it.
        Local($"git archive --format=tar master | gzip > {release}.tar.gz");
        Run("mkdir ~/releases/ || true");
        Put($"{release}.tar.gz", "~/releases/");

        // Remove the local copy.
        Local($"rm {release}.tar.gz");

        // Unpack the release on the host, then point ~/current at it.
        Run($"mkdir ~/releases/{release} && cd ~/releases/{release} && tar zxf ../{release}.tar.gz");
        Run("rm -f ~/current || true ");
        Run($"ln -s ~/releases/{release} ~/current");

        // The local configuration file is not in git: upload it when there is one.
        if (File.Exists("lib/DHCP/Config.pm"))
        {
            Put("lib/DHCP/Config.pm", "~/current/lib/DHCP");
        }

        // Restart: the supervisor starts the server again.
        Run("kill -9 $(cat lighttpd.pid)");
    }
}
