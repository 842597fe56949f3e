// A port of a public Fabric 1.x fabfile, written anew in C#: kind "multi-role" (a distributed deploy).
//
// Modelled on: ntrrgc/lasana_distributed_deploy, fabfile.py with lasana_common.py, lasana_index.py and lasana_node.py:
// the deploy of "lasaña", a Django file-sharing site, spread over an `index` machine (DNS server for the lasa.nya zone
// and PostgreSQL database) and `node` machines (the site, behind lighttpd). `full_deploy` packs the nodes' home folder,
// sets up the index, then every node in parallel, each registering its name in the index's DNS.
//
// What differs:
// - The original's role definitions (its LAN's addresses), login (env.user = 'root') and password (env.password,
//   written in the fabfile) come from `--set index=…,nodes=…;…,user=…,password=…`; Env.User defaults to root as
//   there, and Env.Password is assigned in setup as the original assigns env.password.
// - The code the nodes clone (the original's GitHub repository) is `--set repo=…`; the site's account (lasana) can be
//   renamed with `--set lasana_user=…`.
// - `--set root=DIR` deploys into a folder standing for each machine's "/" ({host} in DIR is the machine's address, so
//   that machines sharing a file system keep apart), its usr/bin first on PATH (where the tests
//   put stand-ins for aptitude, service, hostname, useradd, chown, virtualenv, update-rc.d, nsupdate and su), as in
//   the other provisioning ports.
// - `raise SystemError` / `raise Exception(…)` are Abort(…).
// - See the other files for their tasks.
using Fabric;
using static Fabric.Api;

namespace Lasana;

/// <summary>Deploys a distributed lasaña: the index, then the nodes.</summary>
public static class Fabfile
{
    static Fabfile()
    {
        Env.RoleDefs["index"] = (Env["index"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries);
        Env.RoleDefs["node"] = (Env["nodes"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries);

        Env.Parallel = true;

        Env.User = Env["user"] ?? "root";
        Env.Password = Env["password"];
    }

    /// <summary>The folder standing for this machine's "/" (<c>{host}</c> in it is the machine's address): empty for the machine itself.</summary>
    internal static string Root => (Env["root"] ?? "").Replace("{host}", Env.Host, StringComparison.Ordinal).TrimEnd('/');

    /// <summary>The site's account.</summary>
    internal static string LasanaUser => Env["lasana_user"] ?? "lasana";

    /// <summary>Packs the nodes' home, sets up the index, then every node (registered with the index).</summary>
    [Task(Default = true)]
    public static void FullDeploy()
    {
        LasanaNode.CreateNodeHomePackage();
        Execute(LasanaIndex.SetupIndex);
        Execute("setup-node", arguments: [Env.RoleDefs["index"].First()]);
    }

    /// <summary>A system path under <see cref="Root"/>.</summary>
    internal static string At(string path) => Root + path;

    /// <summary>While deploying into a folder: its usr/bin first on PATH.</summary>
    internal static IDisposable? Machine() => Root.Length == 0 ? null : AddPath($"{Root}/usr/bin", PathBehavior.Prepend);
}
