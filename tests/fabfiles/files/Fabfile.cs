using Fabric;
using static Fabric.Api;

namespace Files;

/// <summary>Fabric's file helpers on a host, as a provisioning fabfile uses them.</summary>
public static class Fabfile
{
    /// <summary>Writes an app's settings in <paramref name="folder"/>: appends them once, rewrites the URL, comments one out.</summary>
    [Task]
    public static void Configure(string folder)
    {
        var conf = folder + "/my app.conf";
        Print(Exists(conf) ? "the settings are there" : "no settings yet");
        Append(conf, ["url = http://old.example/app", "PermitRootLogin yes", "name = it's \"$HOME\""]);
        Append(conf, "url = http://old.example/app\nPermitRootLogin yes\n");
        Sed(conf, "http://old\\.example/(app)", "https://new.example/\\1?a=1\\&b=2");
        Comment(conf, "^PermitRootLogin");
        Comment(conf, "^PermitRootLogin");
        Print(Contains(conf, "https://new.example/app?a=1&b=2") ? "the new URL is in" : "the new URL is missing");
        Print(First(folder + "/nothing", conf) ?? "none");
    }

    /// <summary>Edits a file only root can read, through sudo.</summary>
    [Task]
    public static void EditAsRoot(string path)
    {
        Print($"as the login user: {(Exists(path) ? "there" : "not there")}; through sudo: {(Exists(path, useSudo: true) ? "there" : "not there")}");
        Append(path, "added = yes", useSudo: true);
        Append(path, "added = yes", useSudo: true);
        Sed(path, "^mode = .*", "mode = production", useSudo: true);
        Print(Contains(path, "mode = production", exact: true, useSudo: true) ? "production" : "not production");
    }

    /// <summary>Looks for <paramref name="text"/> in <paramref name="path"/>, as the login user.</summary>
    [Task]
    public static void Find(string path, string text) => Print(Contains(path, text) ? "found" : "not found");
}
