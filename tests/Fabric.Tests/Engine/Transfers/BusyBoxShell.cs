using System.Diagnostics;

namespace Fabric.Tests.Engine.Transfers;

/// <summary>
/// Runs a script the way a BusyBox host would: <c>busybox sh</c> with a PATH of BusyBox applets only (no GNU tools), so
/// that a script passing here uses nothing beyond what POSIX and BusyBox have. Skips nothing: BusyBox is installed by the
/// suite's set-up.
/// </summary>
internal static class BusyBoxShell
{
    private static readonly Lazy<string> Applets = new(MakeApplets);

    /// <summary>A folder with a link to BusyBox for each applet (made once), minus <paramref name="without"/>.</summary>
    public static string PathWithout(params string[] without)
    {
        if (without.Length == 0)
        {
            return Applets.Value;
        }

        var folder = Directory.CreateTempSubdirectory("fabric-busybox-").FullName;
        foreach (var link in Directory.GetFiles(Applets.Value).Select(Path.GetFileName).Where(n => !without.Contains(n)))
        {
            File.CreateSymbolicLink(Path.Combine(folder, link!), "/usr/bin/busybox");
        }

        return folder;
    }

    public static (int Exit, byte[] Stdout, string Stderr) Run(string script, string? path = null, byte[]? stdin = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("/usr/bin/busybox")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        start.ArgumentList.Add("sh");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.Environment.Clear();
        start.Environment["PATH"] = path ?? Applets.Value;
        start.Environment["HOME"] = workingDirectory ?? Path.GetTempPath();
        using var process = Process.Start(start)!;
        var stdoutTask = Task.Run(() =>
        {
            using var buffer = new MemoryStream();
            process.StandardOutput.BaseStream.CopyTo(buffer);
            return buffer.ToArray();
        });
        var stderrTask = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.BaseStream.Write(stdin);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(30_000))
        {
            process.Kill();
            throw new TimeoutException("busybox sh did not end within 30 s: " + script);
        }

        return (process.ExitCode, stdoutTask.Result, stderrTask.Result);
    }

    private static string MakeApplets()
    {
        var folder = Directory.CreateTempSubdirectory("fabric-busybox-").FullName;
        var list = Process.Start(new ProcessStartInfo("/usr/bin/busybox", "--list") { RedirectStandardOutput = true })!;
        foreach (var applet in list.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            File.CreateSymbolicLink(Path.Combine(folder, applet.Trim()), "/usr/bin/busybox");
        }

        list.WaitForExit();
        return folder;
    }
}
