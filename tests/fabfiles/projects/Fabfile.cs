using Fabric;
using static Fabric.Api;

namespace Projects;

/// <summary>Templates and projects: the tasks the end-to-end tests run.</summary>
public static class Fabfile
{
    /// <summary>A login password from --set login_password=…, set as a fabfile sets env.password.</summary>
    static Fabfile()
    {
        if (Env["login_password"] is { } password)
        {
            Env.Password = password;
        }
    }

    private static string Templates => Path.Combine(Env.FabfileDirectory, "templates");

    /// <summary>Renders templates/app.conf for the current host and uploads it.</summary>
    [Task]
    public static void Template(string dest, string? mode = null, bool sudo = false, bool backup = true)
    {
        var context = new Dictionary<string, object?>
        {
            ["name"] = Env.Host,
            ["port"] = 8080,
            ["backends"] = new[] { "app1", "app2" },
            ["ssl"] = false,
            ["secret"] = Env["secret"],
        };
        var result = UploadTemplate("app.conf", dest, context, templateDir: Templates, useSudo: sudo, backup: backup, mode: mode);
        Print($"uploaded {result.Files[0].RemotePath}");
    }

    /// <summary>Uploads a template that names a variable its context lacks.</summary>
    [Task]
    public static void BrokenTemplate(string dest) =>
        UploadTemplate("broken.conf", dest, new { port = 80, server_name = "x" }, templateDir: Templates);

    /// <summary>Sends a local folder's contents to a remote folder with rsync.</summary>
    [Task]
    public static void RsyncUp(string local, string remote, bool delete = false) =>
        RsyncProject(remote, localDir: local, exclude: ["*.log", "skip me"], delete: delete);

    /// <summary>Fetches a remote folder's contents into a local folder with rsync.</summary>
    [Task]
    public static void RsyncDown(string remote, string local) =>
        RsyncProject(remote, localDir: local, upload: false);

    /// <summary>Sends a local folder as an archive and unpacks it in a remote folder.</summary>
    [Task]
    public static void Project(string local, string remote, bool sudo = false) =>
        UploadProject(local, remote, useSudo: sudo);
}
