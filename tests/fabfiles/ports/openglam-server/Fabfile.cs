// A port of a public Fabric 1.x fabfile, written anew in C#: kind "provisioning".
//
// Modelled on: nonZero/OpenGLAM, fab_tools/server.py (the server tasks of a Django site's fabfile), with the settings
// its fabfile.py puts in env. It configures a web server for the site: nginx, gunicorn and supervisor from Jinja
// templates (rendered with the site's names, ports and folders), the folders the site writes to, postfix with TLS,
// OpenDKIM signing for the site's domain (appending configuration lines, generating the key), Let's Encrypt scripts, and
// a backup of the certificates; plus status, reload and log tasks.
//
// What differs:
// - The settings the original keeps in env (env.project, env.webuser, env.code_dir, …) are properties here; those that
//   name the original's accounts and hosts can be changed with `--set user=…,webuser=…,vhost=…`. The `prod` task selects
//   the host `vhost` (the original names its public host).
// - `--set root=DIR` configures a folder standing for the machine's "/" (system files are written under it, and its
//   usr/bin comes first on PATH in every task, where the tests put stand-ins for nginx, service, supervisorctl,
//   opendkim-genkey and a sudo that runs those), as in the other provisioning port. Without it, the machine itself.
// - The package-installing tasks (apt_upgrade, apt_install, install_new_python, install_certbot) and the one-off `xxx`
//   are left out: they only run apt-get, add-apt-repository and certbot.
// - See Server.cs for the operations.
using Fabric;
using static Fabric.Api;

namespace OpenglamServer;

/// <summary>The site's settings, as the original's fabfile.py sets them in env, and the environment task.</summary>
public static class Fabfile
{
    static Fabfile() => Env.User = Env["user"] ?? "oglam";

    /// <summary>The folder standing for the machine's "/": empty for the machine itself.</summary>
    internal static string Root => (Env["root"] ?? "").TrimEnd('/');

    internal static string Project => "oglam";

    internal static int GunicornPort => 9099;

    internal static string WebUser => Env["webuser"] ?? "weboglam";

    internal static string CodeDir => $"{Root}/home/{Env.User}/OpenGLAM/";

    internal static string LogDir => $"{CodeDir}logs/";

    internal static string VenvDir => $"{Root}/home/{Env.User}/.virtualenvs/oglam";

    internal static string PidFile => $"{Root}/home/{WebUser}/oglam.pid";

    internal static string Vhost => Env["vhost"] ?? "";

    internal static string RedirectHost => $"www.{Vhost}";

    /// <summary>Selects the production server (the host named by <c>--set vhost=…</c>).</summary>
    [Task]
    public static void Prod()
    {
        Env["instance"] = "prod";
        Env.Hosts = [Vhost];
    }

    /// <summary>A system path under <see cref="Root"/>.</summary>
    internal static string At(string path) => Root + path;

    /// <summary>While provisioning a folder: its usr/bin first on PATH.</summary>
    internal static IDisposable? Machine() => Root.Length == 0 ? null : AddPath($"{Root}/usr/bin", PathBehavior.Prepend);
}
