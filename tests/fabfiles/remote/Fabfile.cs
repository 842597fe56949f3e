using Fabric;
using static Fabric.Api;

namespace Remote;

/// <summary>Remote tasks for the end-to-end SSH tests.</summary>
public static class Fabfile
{
    /// <summary>The role "sshd" is the test sshd's hosts, from --set sshd=a;b.</summary>
    static Fabfile()
    {
        if (Env["sshd"] is { } hosts)
        {
            Env.RoleDefs["sshd"] = hosts.Split(';');
        }
    }

    /// <summary>Prints the server address, on the hosts of the sshd role.</summary>
    [Task, Roles("sshd")]
    public static void RoleWhere() => Where();

    /// <summary>Prints the server address the connection arrived on.</summary>
    [Task]
    public static void Where() => Run("echo \"$SSH_CONNECTION\" | cut -d' ' -f3");

    /// <summary>Prints the remote user.</summary>
    [Task]
    public static void Whoami() => Run("whoami");

    /// <summary>A command that fails.</summary>
    [Task]
    public static void Fail() => Run("echo 'disk full' >&2; exit 3");

    /// <summary>Runs whoami through sudo as <paramref name="user"/>.</summary>
    [Task]
    public static void SudoWhoami(string user = "root") => Sudo("whoami", user: user);

    /// <summary>Sleeps on the host.</summary>
    [Task]
    public static void Sleep(int seconds) => Run($"sleep {seconds}");

    /// <summary>Drops every connection of the test sshd whose pid file is given (kills its per-connection processes).</summary>
    [Task]
    public static void DropConnections(string pidfile) => Local($"pkill -P \"$(cat '{pidfile}')\"; sleep 0.5; true");

    /// <summary>Waits <paramref name="delay"/> seconds, then creates a file named after the server address in <paramref name="folder"/> (which hosts ran it).</summary>
    [Task]
    public static void Mark(string folder, int delay = 0) => Run($"sleep {delay}; touch '{folder}'/\"$(echo \"$SSH_CONNECTION\" | cut -d' ' -f3)\"");

    /// <summary>
    /// Runs a command on each host; then returns at once on <paramref name="first"/> (an address), and on any other host
    /// waits (10 s at most) until this machine has no connection left open to <paramref name="first"/> on the run's
    /// port, and prints "closed" or "still open". Reads /proc/net/tcp and tcp6 (established sockets to that address and
    /// port; .NET's sockets are IPv6 ones, the address IPv4-mapped), so it needs nothing installed.
    /// </summary>
    [Task]
    public static void OutlastFirst(string first)
    {
        Run("true");
        if (Env.Host == first)
        {
            return;
        }

        var address = string.Concat(System.Net.IPAddress.Parse(first).GetAddressBytes().Reverse().Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));
        var remote = $"{address}:{Env.Port.ToString("X4", System.Globalization.CultureInfo.InvariantCulture)}";
        Local($"for i in $(seq 100); do awk '$3 ~ /{remote}$/ && $4 == \"01\"' /proc/net/tcp /proc/net/tcp6 | grep -q . || {{ echo closed; exit 0; }}; sleep 0.1; done; echo still open");
    }

    /// <summary>Waits here until <paramref name="path"/> exists (a test's signal to go on).</summary>
    [Task]
    public static void WaitFor(string path) => Local($"while [ ! -e '{path}' ]; do sleep 0.1; done");

    /// <summary>Creates a marker file (to prove a command did or did not run).</summary>
    [Task]
    public static void Touch(string path) => Run($"touch '{path}'");

    /// <summary>Uploads a local file (Put).</summary>
    [Task]
    public static void Upload(string local, string remote) => Put(local, remote);

    /// <summary>Downloads a remote file (Get).</summary>
    [Task]
    public static void Download(string remote, string local) => Get(remote, local);

    /// <summary>
    /// Prints a prompt without a line break, waits for <c>dir/1</c>, prints a line on stderr, waits for <c>dir/2</c>,
    /// then ends the prompt's line: shows whether the start of a line is seen before it ends.
    /// </summary>
    [Task]
    public static void Interleave(string dir) =>
        Run($"printf 'Ready? '; while [ ! -e '{dir}/1' ]; do sleep 0.05; done; echo warm >&2; while [ ! -e '{dir}/2' ]; do sleep 0.05; done; echo go");

    /// <summary>Reads a line on the host and prints what it got: on a terminal, what the user typed; else nothing.</summary>
    [Task]
    public static void ReadLine() => Run("read x; echo \"got [$x]\"");

    /// <summary>Runs <c>id -un</c> through sudo on a pseudo-terminal (hosts whose sudoers require one).</summary>
    [Task]
    public static void TtySudo() => Sudo("id -un", pty: true);

    /// <summary>Opens a shell on the host, with <paramref name="first"/> typed into it first when given.</summary>
    [Task]
    public static void Shell(string? first = null) => OpenShell(first);
}
