using System.Diagnostics;
using System.Text;
using Fabric.Tests.Engine.Transfers;

namespace Fabric.Tests.Engine.Files;

/// <summary>The two userlands every file-helper script must work in: BusyBox alone (ash, its sed and grep), and GNU (/bin/sh, GNU sed and grep).</summary>
public enum Userland
{
    BusyBox,
    Gnu,
}

/// <summary>Runs a script in a folder of its own under one <see cref="Userland"/>, as a host of that kind would.</summary>
internal sealed class UserlandShell : IDisposable
{
    public UserlandShell(Userland userland)
    {
        Userland = userland;
        Folder = Directory.CreateTempSubdirectory("fabric-files-").FullName;
    }

    public static TheoryData<Userland> Both => [Userland.BusyBox, Userland.Gnu];

    public Userland Userland { get; }

    public string Folder { get; }

    public string PathOf(string name) => Path.Combine(Folder, name);

    public string Write(string name, string content)
    {
        File.WriteAllText(PathOf(name), content);
        return PathOf(name);
    }

    public string Read(string name) => File.ReadAllText(PathOf(name));

    public (int Exit, string Stdout, string Stderr) Run(string script)
    {
        if (Userland == Userland.BusyBox)
        {
            var (exit, bytes, errors) = BusyBoxShell.Run(script, workingDirectory: Folder);
            return (exit, Encoding.UTF8.GetString(bytes), errors);
        }

        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Folder,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/bin:/bin";
        start.Environment["HOME"] = Folder;
        using var process = Process.Start(start)!;
        var stderrTask = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(30_000))
        {
            process.Kill();
            throw new TimeoutException("/bin/sh did not end within 30 s: " + script);
        }

        return (process.ExitCode, stdout, stderrTask.Result);
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
