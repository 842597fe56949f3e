using Fabric;
using static Fabric.Api;

namespace Deploy;

/// <summary>
/// Builds a small site here, ships it to the web servers, switches a "current" link to the new release and
/// restarts the service; records the release on the database server. Where things go is configurable with
/// --set (see README.md), so it can run against real servers or the test servers of this repository.
/// </summary>
public static class Fabfile
{
    private const string Archive = "site.tgz";

    /// <summary>Roles from --set web=a;b,db=c (or these placeholders).</summary>
    static Fabfile()
    {
        Env.RoleDefs["web"] = Hosts("web", "web1;web2");
        Env.RoleDefs["db"] = Hosts("db", "db1");
    }

    private static string DeployTo => Env["deploy_to"] ?? "/srv/site";

    private static string RestartCommand => Env["restart"] ?? "systemctl restart site";

    /// <summary>Builds the site locally into site.tgz.</summary>
    /// <param name="version">The release name, written into the site.</param>
    [Task]
    public static void Build(string version = "1.0")
    {
        Local("rm -rf build && mkdir -p build");
        Local($"printf '<h1>Release {version}</h1>\\n' > build/index.html && printf '{version}\\n' > build/VERSION");
        Local($"tar czf {Archive} -C build .");
    }

    /// <summary>Uploads site.tgz to each web server, unpacks it as a new release, switches to it and restarts.</summary>
    /// <param name="version">The release name (a folder under releases/).</param>
    [Task, Roles("web")]
    public static void Deploy(string version = "1.0")
    {
        var release = $"{DeployTo}/releases/{version}";
        Run($"mkdir -p {release}");
        Put(Archive, $"{release}/{Archive}");
        using (Cd(release))
        {
            Run($"tar xzf {Archive} && rm {Archive}");
        }

        using (Cd(DeployTo))
        {
            Run($"ln -sfn releases/{version} current");
        }

        Sudo(RestartCommand);
    }

    /// <summary>Records the deployed release on the database server.</summary>
    /// <param name="version">The release name.</param>
    [Task, Roles("db")]
    public static void Migrate(string version = "1.0")
    {
        Run($"mkdir -p {DeployTo} && echo 'migrated to {version}' >> {DeployTo}/migrations.log");
    }

    /// <summary>Shows which release each web server runs.</summary>
    [Task, Roles("web")]
    public static void Status()
    {
        var current = Run($"cat {DeployTo}/current/VERSION");
        Print($"{Env.Host} runs release {current.Stdout}");
    }

    private static string[] Hosts(string role, string fallback) =>
        (Env[role] ?? fallback).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
