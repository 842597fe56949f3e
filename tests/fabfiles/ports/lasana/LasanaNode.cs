// The tasks of ntrrgc/lasana_distributed_deploy's lasana_node.py (see Fabfile.cs).
//
// What differs:
// - `suprun(command, umask=0077)` formats the umask with '%#03o' (0077 → "077"); here it is passed as the text "077".
// - `os.path.exists` (the local package) is File.Exists.
// - `execute(register_node_in_dns, node_name, get_ip_address(), hosts=[index])` is
//   Execute(LasanaIndex.RegisterNodeInDns, hosts: [index], arguments: […]).
using Fabric;
using static Fabric.Api;
using static Lasana.Fabfile;

namespace Lasana;

/// <summary>A node machine: the site in a virtualenv of the lasana account, under lighttpd.</summary>
public static class LasanaNode
{
    private const string Package = "packages/lasana_node_home.tar.gz";

    /// <summary>Packs packages/lasana_node_home (dot files included) into packages/lasana_node_home.tar.gz.</summary>
    [Task]
    public static void CreateNodeHomePackage()
    {
        using (Lcd("packages/lasana_node_home"))
        {
            Local("GLOBIGNORE=\". ..\"; tar zcfvp ../lasana_node_home.tar.gz * .*");
        }
    }

    /// <summary>Installs lighttpd with the node's configuration.</summary>
    [Task]
    public static void SetupLighttpd()
    {
        using (Machine())
        {
            Run("aptitude install -y --without-recommends lighttpd", pty: false);
            Put("packages/lasana_node_lighttpd/lighttpd.conf", At("/etc/lighttpd/lighttpd.conf"));
            Run("service lighttpd restart", pty: false);
        }
    }

    /// <summary>Creates the lasana account (an existing one is fine) and its home, /lasana.</summary>
    [Task]
    [Roles("node")]
    public static void CreateLasanaUser()
    {
        using (Machine())
        {
            CommandResult ret;
            using (Settings(warnOnly: true))
            {
                ret = Run($"useradd --system --home-dir {At("/lasana")} -g www-data {LasanaUser}");
            }

            // 9: the account exists already.
            if (ret.ExitCode is not (0 or 9))
            {
                Abort($"useradd {LasanaUser} failed with exit code {ret.ExitCode}.");
            }

            Run($"mkdir -p {At("/lasana")} -m 750");
            Run($"chown {LasanaUser}:www-data {At("/lasana")}");
        }
    }

    /// <summary>Installs the site on the node, starts it, and registers the node's name in the index's DNS.</summary>
    [Task]
    [Roles("node")]
    public static void SetupNode(string index)
    {
        if (!File.Exists(Package))
        {
            Abort("lasana_node_home.tar.gz does not exist. Run dotnet fab create-node-home-package first.");
        }

        string nodeName;
        using (Machine())
        {
            Run("aptitude install -y --without-recommends python-{virtualenv,psycopg2,flup} sudo git gettext", pty: false);

            CreateLasanaUser();

            Put(Package, At("/lasana/home.tar.gz"));
            using (Cd(At("/lasana")))
            {
                Sudo("tar zxfvp home.tar.gz", user: LasanaUser);
                Run("rm home.tar.gz");

                Sudo("umask 077; virtualenv --setuptools env", user: LasanaUser);

                Suprun("pip install -r requirements.txt");

                if (!Exists("lasana"))
                {
                    Suprun($"git clone {Env["repo"]} -b distributed");
                }
                else
                {
                    using (Cd("lasana"))
                    {
                        Suprun("git pull");
                    }
                }

                // The git version of lasaña needs its translations compiled.
                using (Cd("lasana"))
                {
                    Suprun("django-admin.py compilemessages");
                }

                Suprun("python manage.py collectstatic --noinput", umask: "027");
                Suprun("python manage.py synchronized_syncdb");

                // Register the node in the database, which gives it its id, and name it after that.
                Suprun("python manage.py registernode");
                nodeName = "s" + Run("cat nodeid");
                LasanaCommon.SetHostname(nodeName);
            }

            Put("packages/lasana_initscript.sh", At("/etc/init.d/lasana"));
            Run($"chmod +x {At("/etc/init.d/lasana")}");
            Run("update-rc.d lasana defaults");

            Run($"{At("/etc/init.d/lasana")} start", pty: false);

            SetupLighttpd();
        }

        Execute(LasanaIndex.RegisterNodeInDns, hosts: [index], arguments: [nodeName, LasanaCommon.GetIpAddress()]);
    }

    /// <summary>Runs <paramref name="command"/> as the lasana account, in its virtualenv, with <paramref name="umask"/>.</summary>
    private static CommandResult Suprun(string command, string virtualenv = "/lasana/env/bin/activate", string umask = "077") =>
        Sudo($"umask {umask} && source {At(virtualenv)} && {command}", user: LasanaUser);
}
