using Fabric;
using static Fabric.Api;

namespace Precedence;

/// <summary>Tasks from Fabric's "Execution model" document; each prints where it ran.</summary>
public static class Fabfile
{
    private static int _lazyRoleCalls;

    /// <summary>Module-level setup; <c>--set setup=…</c> picks a variant of the reference document.</summary>
    static Fabfile()
    {
        Env.RoleDefs["role1"] = ["b", "c"];
        Env.RoleDefs["web"] = ["www1", "www2"];
        Env.RoleDefs.Add("lazy", () =>
        {
            _lazyRoleCalls++;
            Print($"lazy role function called ({_lazyRoleCalls})");
            return ["lazy1", "lazy2"];
        });

        switch (Env["setup"])
        {
            case "assign":
                Env.Hosts = ["host1", "host2"];
                break;
            case "extend":
                Env.Hosts.AddRange(["host3", "host4"]);
                break;
            case "three":
                Env.Hosts = ["host1", "host2", "host3"];
                break;
            case "throw":
                throw new InvalidOperationException("setup refused to run");
        }
    }

    /// <summary>Prints where it ran.</summary>
    [Task]
    public static void TaskA() => Report("task-a");

    /// <summary>Prints where it ran.</summary>
    [Task]
    public static void TaskB() => Report("task-b");

    /// <summary>The reference document's mytask: no hosts of its own.</summary>
    [Task]
    public static void Mytask() => Report("mytask");

    /// <summary>A local task that sets Env.Hosts for the tasks after it.</summary>
    [Task]
    public static void SetHosts() => Env.Hosts = ["host1", "host2"];

    /// <summary>Runs on host1 and host2 by attribute.</summary>
    [Task, Hosts("host1", "host2")]
    public static void Decorated() => Report("decorated");

    /// <summary>Runs on host2 and host3 by attribute.</summary>
    [Task, Hosts("host2", "host3")]
    public static void Decorated23() => Report("decorated23");

    /// <summary>Hosts a, b and role1 (b, c): the document's "Combining host lists".</summary>
    [Task, Hosts("a", "b"), Roles("role1")]
    public static void Combined() => Report("combined");

    /// <summary>Runs on the lazy role.</summary>
    [Task, Roles("lazy")]
    public static void OnLazy() => Report("on-lazy");

    /// <summary>Runs on a role nobody defined.</summary>
    [Task, Roles("nosuchrole")]
    public static void OnUndefinedRole() => Report("on-undefined-role");

    /// <summary>Asynchronous, awaited by the engine.</summary>
    [Task]
    public static async Task AsyncTask()
    {
        await Task.Delay(10);
        Report("async-task");
    }

    /// <summary>Typed arguments.</summary>
    [Task]
    public static void Args(string name, int count = 1, bool loud = false, double ratio = 0.5, Color color = Color.Red, TimeSpan wait = default, string[]? tags = null) =>
        Print($"name={name} count={count} loud={loud} ratio={ratio.ToString(System.Globalization.CultureInfo.InvariantCulture)} color={color} wait={wait} tags={string.Join("|", tags ?? [])}");

    /// <summary>Throws, to show fail-fast.</summary>
    [Task]
    public static void Fails() => throw new InvalidOperationException($"boom on {Env.HostString}");

    /// <summary>Fails on one host only.</summary>
    [Task]
    public static void FailOn(string host)
    {
        if (Env.HostString == host)
        {
            throw new InvalidOperationException($"refused on {host}");
        }

        Report("fail-on");
    }

    /// <summary>Blocks for a minute, ignoring cancellation (only a second Ctrl-C ends it).</summary>
    [Task]
    public static void Stubborn()
    {
        Print("stubborn started");
        Thread.Sleep(TimeSpan.FromMinutes(1));
    }

    /// <summary>Prints many long lines, from a local command and from task code.</summary>
    [Task]
    public static void Chatty(int lines = 50)
    {
        Local($"for i in $(seq {lines}); do printf 'line %03d %0200d\\n' $i 0; done");
        for (var i = 0; i < lines; i++)
        {
            Print($"print {i:000} {new string('x', 200)}");
        }
    }

    /// <summary>Aborts with a message.</summary>
    [Task]
    public static void Aborts() => Abort("nothing to deploy");

    /// <summary>Runs a local command.</summary>
    [Task]
    public static void Shell(string command = "echo hello")
    {
        var result = Local(command);
        Print($"exit={result.ExitCode} stdout={result.Stdout}");
    }

    /// <summary>A local command that fails, inside a warn-only block.</summary>
    [Task]
    public static void Tolerant()
    {
        using (WarnOnly())
        {
            var result = Local("echo oops >&2; exit 3");
            Print($"failed={result.Failed} exit={result.ExitCode}");
        }
    }

    /// <summary>Prints an --set value.</summary>
    [Task]
    public static void ShowSetting(string key) => Print($"{key}={Env[key] ?? "(unset)"}");

    /// <summary>Prints the current host's parts.</summary>
    [Task]
    public static void Parts() => Print($"host_string={Env.HostString} host={Env.Host} user={Env.User} port={Env.Port}");

    private static void Report(string task) => Print($"{task} ran on {Env.HostString ?? "(no host)"}");
}

/// <summary>Colours, for enum arguments.</summary>
public enum Color
{
    /// <summary>Red.</summary>
    Red,

    /// <summary>Green.</summary>
    Green,
}

/// <summary>Database tasks, grouped.</summary>
[TaskGroup("db"), Roles("web")]
public static class Database
{
    /// <summary>Migrates the schema. Runs on the web role by its class attribute.</summary>
    [Task(Default = true)]
    public static void Migrate() => Print($"db.migrate ran on {Env.HostString}");
}
