// A port of a public Fabric 1.x fabfile, written anew in C#: kind "multi-role".
//
// Modelled on: gvrooyen/SocialLearning, fabfile.py: a simulation cluster on EC2, one `master` and a role of `servant`
// machines running the simulations. Tasks count the running simulations on each servant, push an update to them (stop
// the simulations, clear their logs, `git pull` the code), flush the logs, show disk usage everywhere, and change the
// passphrase of the SSH key on every machine, in parallel where the original is @parallel.
//
// What differs:
// - The original's role definitions list its EC2 hosts (user@host). This port reads them from `--set
//   master=user@host,servants=user@host;user@host`, as host lists, in setup, where the original assigns env.roledefs.
// - `ps -u ec2-user` names the login user of the roles' host strings: here it is Env.User, the user this host is
//   logged in as.
// - `try: run(…) except: pass` is try { Run(…); } catch (CommandFailedException) { }: the original's bare except also
//   swallowed Ctrl-C and lost connections (and Fabric printed "Fatal error:" before the except swallowed it).
// - `run('ssh-keygen -p')` is Run(…, pty: true): Fabric 1.x runs every command on a pseudo-terminal unless told not
//   to; `dotnet fab` does so only when asked. Without one, ssh-keygen shows its prompts on stderr and what the user
//   types (the old and new passphrases) is echoed by the local terminal for all to see.
// - Classic-style tasks (no [Task] attribute), as the original has no @task.
using Fabric;
using static Fabric.Api;

namespace SocialLearning;

/// <summary>Looks after the SocialLearning simulation cluster: one master, several servants.</summary>
public static class Fabfile
{
    static Fabfile()
    {
        Env.RoleDefs["master"] = (Env["master"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries);
        Env.RoleDefs["servant"] = (Env["servants"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Counts the simulations running on each servant.</summary>
    [Roles("servant")]
    [Parallel]
    public static void CheckLoad() => Run($"ps -u {Env.User} r -f | grep python | wc -l");

    /// <summary>Stops the simulations, clears their logs and pulls the latest code on each servant.</summary>
    [Roles("servant")]
    [Parallel]
    public static void PushUpdate()
    {
        try
        {
            Run("killall python");
        }
        catch (CommandFailedException)
        {
        }

        try
        {
            Run("rm -rf ~/.picloud/datalogs/Simulation");
        }
        catch (CommandFailedException)
        {
        }

        using (Cd("~/devel/SocialLearning"))
        {
            Run("git pull");
        }
    }

    /// <summary>Changes the passphrase of the SSH key on every machine (asks for it on each).</summary>
    [Roles("master", "servant")]
    public static void ChangePassphrase() => Run("ssh-keygen -p", pty: true);

    /// <summary>Deletes the simulation logs on each servant.</summary>
    [Roles("servant")]
    [Parallel]
    public static void FlushLogs()
    {
        try
        {
            Run("rm -rf ~/.picloud/datalogs/Simulation");
        }
        catch (CommandFailedException)
        {
        }
    }

    /// <summary>Shows the disk usage of / on every machine.</summary>
    [Roles("master", "servant")]
    [Parallel]
    public static void DiskUsage() => Run("df -h /");
}
