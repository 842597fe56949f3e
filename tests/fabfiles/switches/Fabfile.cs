using Fabric;
using static Fabric.Api;

namespace Switches;

/// <summary>Tasks that switch host, user and credentials from the fabfile, as Fabric 1.x fabfiles do.</summary>
public static class Fabfile
{
    /// <summary>Credentials from the fabfile's setup, as a Fabric fabfile sets env.password and friends: --set password=…, key=…, passwords_key=… with passwords_value=….</summary>
    static Fabfile()
    {
        if (Env["password"] is { } password)
        {
            Env.Password = password;
        }

        if (Env["key"] is { } key)
        {
            Env.KeyFilenames = [key];
        }

        if (Env["passwords_key"] is { } hostString)
        {
            Env.Passwords[hostString] = Env["passwords_value"] ?? "";
        }
    }

    /// <summary>Runs on its own host, then twice on <paramref name="other"/> through Settings(hostString), then on its own host again.</summary>
    [Task]
    public static void Switch(string other)
    {
        Run("echo \"$SSH_CONNECTION\" | cut -d' ' -f3");
        using (Settings(hostString: other))
        {
            Print($"inside: {Env.HostString} {Env.Host} {Env.User}");
            Run("echo \"$SSH_CONNECTION\" | cut -d' ' -f3");
        }

        using (Settings(hostString: other))
        {
            Run("whoami");
        }

        Print($"after: {Env.HostString}");
    }

    /// <summary>A task with no host: Settings(hostString) still gives Run one.</summary>
    [Task]
    public static void Hostless(string other)
    {
        using (Settings(hostString: other))
        {
            Run("whoami");
        }
    }

    /// <summary>Uploads <paramref name="local"/> to <paramref name="remote"/> on <paramref name="other"/> through Settings(hostString), and reads it back there.</summary>
    [Task]
    public static void UploadTo(string other, string local, string remote)
    {
        using (Settings(hostString: other))
        {
            Put(local, remote);
            Run($"cat '{remote}'");
        }
    }

    /// <summary>Logs in as the default user, then assigns Env.User as Fabric's env.user = … and runs again.</summary>
    [Task]
    public static void Become(string user)
    {
        Run("whoami");
        Env.User = user;
        Run("whoami");
        Print($"Env.User={Env.User}");
    }

    /// <summary>Runs whoami inside Settings(user: …).</summary>
    [Task]
    public static void AsUser(string user)
    {
        using (Settings(user: user))
        {
            Run("whoami");
        }

        Run("whoami");
    }

    /// <summary>Runs whoami on <paramref name="other"/> logging in with <paramref name="key"/> only.</summary>
    [Task]
    public static void WithKey(string other, string key)
    {
        using (Settings(hostString: other, keyFilenames: [key]))
        {
            Run("whoami");
        }
    }

    /// <summary>Prints whoami and the login password (which output must mask).</summary>
    [Task]
    public static void ShowPassword()
    {
        Run("whoami");
        Run($"echo {Env.Password ?? Env["passwords_value"]}");
    }

    /// <summary>Reboots with a command of the test's, then runs a command over the new connection.</summary>
    [Task]
    public static void RebootWith(string command, int wait = 30)
    {
        Run("echo before");
        Reboot(wait, command);
        Run("echo back");
    }

    /// <summary>Prints where the fabfile assembly was loaded from, and the fabfile's folder.</summary>
    [Task]
    public static void Location()
    {
        Print("location=" + typeof(Fabfile).Assembly.Location);
        Print("directory=" + Env.FabfileDirectory);
    }
}
