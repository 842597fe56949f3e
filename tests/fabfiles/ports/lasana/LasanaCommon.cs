// The tasks of ntrrgc/lasana_distributed_deploy's lasana_common.py (see Fabfile.cs).
//
// What differs: get_ip_address returns run('hostname -I'), which Fabric strips of surrounding whitespace; Stdout only
// loses its final line break, and `hostname -I` ends its list with a space, so the port trims.
using Fabric;
using static Fabric.Api;
using static Lasana.Fabfile;

namespace Lasana;

/// <summary>What every machine of the deploy needs.</summary>
public static class LasanaCommon
{
    /// <summary>Names the machine <paramref name="name"/>, now and after a reboot.</summary>
    [Task]
    public static void SetHostname(string name)
    {
        using (Machine())
        {
            Run($"echo {name} > {At("/etc/hostname")}");
            Run($"hostname {name}");
        }
    }

    /// <summary>The machine's address(es).</summary>
    [Task]
    public static string GetIpAddress()
    {
        using (Machine())
        {
            return Run("hostname -I").Stdout.Trim();
        }
    }
}
