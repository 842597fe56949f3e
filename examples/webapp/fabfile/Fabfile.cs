using Fabric;
using static Fabric.Api;

namespace Webapp;

/// <summary>
/// A web application's deploy, written the way a Fabric 1.x user writes one: a deploy user and key set by the fabfile,
/// web and database roles, the application shipped with rsync, its settings edited in place, a server config rendered from
/// a template, a release log on the database server, and a question before anything touches production.
/// </summary>
/// <remarks>
/// Where things go comes from <c>--set</c> (see README.md), so the same fabfile runs against real servers and against
/// the test servers of this repository.
/// </remarks>
public static class Fabfile
{
    /// <summary>The fabfile's settings, as a Fabric fabfile's module-level <c>env</c> lines.</summary>
    static Fabfile()
    {
        // env.user / env.key_filename / env.password: who logs in, with what.
        Env.User = Env["user"] ?? "deploy";
        Env.KeyFilenames = [Env["key"] ?? "~/.ssh/webapp_deploy"];
        if (Env["password"] is { } password)
        {
            Env.Password = password; // also sudo's password, as in Fabric
        }

        Env.RoleDefs["web"] = List("web", "web1;web2");
        Env.RoleDefs["db"] = List("db", "db1");
    }

    /// <summary>The application servers the web server's config passes requests to.</summary>
    private static readonly string[] Backends = ["127.0.0.1:9001", "127.0.0.1:9002"];

    /// <summary>The database server: the db role's first host.</summary>
    private static string DbHost => List("db", "db1")[0];

    private static string Stage => Env["stage"] ?? "staging";

    private static string Root => Env["deploy_to"] ?? "/srv/webapp";

    private static string Current => $"{Root}/current";

    /// <summary>The application's folder and the templates' folder, found from the fabfile's own (os.path.dirname(__file__)).</summary>
    private static string AppFolder => Path.GetFullPath(Path.Combine(Env.FabfileDirectory, "..", "app"));

    private static string TemplateFolder => Path.GetFullPath(Path.Combine(Env.FabfileDirectory, "..", "templates"));

    /// <summary>Prepares each web server once: the folders, and the environment line the application reads.</summary>
    [Task, Roles("web")]
    public static void Setup()
    {
        foreach (var folder in new[] { $"{Root}/releases", $"{Root}/shared" })
        {
            if (!Exists(folder))
            {
                Run($"mkdir -p '{folder}'");
            }
        }

        Append($"{Root}/shared/environment", [$"WEBAPP_STAGE={Stage}", $"WEBAPP_ROOT={Root}"]);
    }

    /// <summary>
    /// Deploys a release: asks first on production, ships the code to every web server, records the release on the
    /// database server, then restarts the web servers.
    /// </summary>
    /// <param name="version">The release's name (a folder under releases/).</param>
    [Task]
    public static void Deploy(string version)
    {
        if (Stage == "production" && !Confirm($"Deploy {version} to production?", @default: false))
        {
            Abort("Deploy cancelled.");
        }

        Execute(() => Ship(version), roles: ["web"]);

        using (Settings(hostString: DbHost))
        {
            Run($"mkdir -p '{Root}' && echo '{version} {DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ}' >> '{Root}/releases.log'");
        }

        Execute(Restart, roles: ["web"]);
    }

    /// <summary>Restarts the application on the web servers.</summary>
    [Task, Roles("web")]
    public static void Restart() => Sudo(Env["restart"] ?? "systemctl restart webapp");

    /// <summary>Shows the release each web server runs.</summary>
    [Task, Roles("web")]
    public static void Status()
    {
        var running = Run($"cat '{Current}/VERSION'", warnOnly: true);
        Print(running.Failed ? $"{Env.Host}: nothing deployed" : $"{Env.Host} runs {running.Stdout.Trim()}");
    }

    /// <summary>One web server's part of a deploy: the code, its settings, the server config, the switch.</summary>
    private static void Ship(string version)
    {
        var release = $"{Root}/releases/{version}";
        if (Exists($"{release}/VERSION"))
        {
            Warn($"{version} is on {Env.Host} already: shipping it again");
        }

        Run($"mkdir -p '{release}'");
        RsyncProject(release + "/", AppFolder + "/", exclude: ["tmp/", "*.log"], delete: true);
        Run($"echo '{version}' > '{release}/VERSION'");

        Sed($"{release}/settings.ini", "^debug = .*$", "debug = false");
        Sed($"{release}/settings.ini", "^database = .*$", $"database = {Env["database"] ?? "db1:5432/webapp"}");

        UploadTemplate("webapp.conf", $"{Root}/shared/webapp.conf", templateDir: TemplateFolder, mode: "0640", context: new
        {
            server_name = Env.Host,
            port = Env["port"] ?? "8080",
            version,
            current = Current,
            backends = Backends,
        });

        Run($"ln -sfn '{release}' '{Current}'");
    }

    private static string[] List(string key, string fallback) =>
        (Env[key] ?? fallback).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
