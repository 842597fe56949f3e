using Fabric;
using static Fabric.Api;

namespace Roles;

/// <summary>
/// Roles and host lists without SSH: none of these tasks opens a connection, so each one still runs once per host
/// of its list and prints Env.HostString. The hosts are names only; nothing is contacted.
/// </summary>
public static class Fabfile
{
    // Setup (Python Fabric's "module level"): runs once, after -H/-R/--set are applied, before the first task.
    static Fabfile()
    {
        Env.RoleDefs["web"] = ["web1", "web2", "deploy@web3:2222"];
        Env.RoleDefs["db"] = ["db1"];

        // A lazy role: the function runs only when a task's host list needs "cache", never for --list.
        // A real fabfile might ask a cloud API or read an inventory file here.
        Env.RoleDefs.Add("cache", () =>
        {
            Print("(looking up the cache hosts...)");
            return ["cache1", "cache2"];
        });

        // Env.Hosts starts as -H; adding extends it, assigning (Env.Hosts = [...]) would replace it.
        if (Env["extra"] is { Length: > 0 } extra)
        {
            Env.Hosts.Add(extra);
        }
    }

    /// <summary>Prints where it runs: on the web role, from [Roles].</summary>
    [Task, Roles("web")]
    public static void Web() => Where();

    /// <summary>Prints where it runs: [Hosts] and [Roles] together, duplicates dropped.</summary>
    [Task, Hosts("web1", "db1"), Roles("db")]
    public static void Mixed() => Where();

    /// <summary>Prints where it runs: the lazy cache role.</summary>
    [Task, Roles("cache")]
    public static void Cache() => Where();

    /// <summary>Prints where it runs: no hosts of its own, so -H, -R or Env.Hosts decide.</summary>
    [Task]
    public static void Anywhere() => Where();

    /// <summary>Sets Env.Hosts for the tasks after it on the command line.</summary>
    [Task]
    public static void UseDb() => Env.Hosts = ["db1"];

    private static void Where() =>
        Print(Env.HostString is null
            ? "running once, locally: no host named anywhere"
            : $"{Env.Task} on {Env.HostString} (host {Env.Host}, user {Env.User}, port {Env.Port})");
}
