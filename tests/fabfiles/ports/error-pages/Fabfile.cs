// A port of a public Fabric 1.x fabfile, written anew in C#: kind "deploy".
//
// Modelled on: iterativ/error-pages, fabfile.py: a web agency's static error pages (404, 500, 503 and their CSS),
// deployed by rsyncing the fabfile's own folder to the web server, leaving out editor and version-control files and
// the fabfile itself, then restarting nginx.
//
// What differs:
// - The original's host (root@<its server>) is `--set host=…`; the target folder (/srv/www/error-pages) and the
//   restart command (/etc/init.d/nginx restart) can be changed with `--set remote_app=…,restart=…`, so that the tests
//   deploy into a folder of theirs and see the restart.
// - `os.path.abspath(os.path.dirname(__file__))` is Env.FabfileDirectory: the folder of this project.
// - The exclusions name this project's own files (*.cs, *.csproj, bin/, obj/) where the original names *.py and *.pyc,
//   and keep the original's editor and version-control ones.
// - The original keeps its settings in env (env.rsync_exclude, env.remote_app, env.local_app); here they are
//   properties of the fabfile, since Env[...] holds strings only.
using Fabric;
using static Fabric.Api;

namespace ErrorPages;

/// <summary>Deploys the static error pages to the web server.</summary>
public static class Fabfile
{
    private static readonly string[] RsyncExclude = [".settings/", ".project", ".pydevproject", ".git/", "*.cs", "*.csproj", "bin/", "obj/", ".keep"];

    static Fabfile()
    {
        if (Env["host"] is { } host)
        {
            Env.Hosts = [host];
        }
    }

    private static string RemoteApp => Env["remote_app"] ?? "/srv/www/error-pages";

    private static string LocalApp => Env.FabfileDirectory + "/";

    /// <summary>Syncs the pages to the server and restarts nginx.</summary>
    public static void Deploy()
    {
        // Sources and templates.
        RsyncProject(remoteDir: RemoteApp, localDir: LocalApp, exclude: RsyncExclude);

        Run(Env["restart"] ?? "/etc/init.d/nginx restart");
    }
}
