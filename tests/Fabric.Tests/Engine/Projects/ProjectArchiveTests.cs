using System.Diagnostics;
using Fabric.Engine.Projects;

namespace Fabric.Tests.Engine.Projects;

/// <summary><c>UploadProject</c>'s archive, unpacked by the tars hosts have: GNU tar and BusyBox tar.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ProjectArchiveTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fabric-archive-").FullName;

    [Theory]
    [InlineData("tar")]
    [InlineData("busybox tar")]
    public void The_folder_unpacks_under_its_own_name_with_spaces_long_names_modes_and_links(string tar)
    {
        var project = Path.Combine(_folder, "my app");
        var deep = Path.Combine(project, "a folder with spaces", new string('n', 120));
        Directory.CreateDirectory(deep);
        File.WriteAllText(Path.Combine(deep, "file it's.txt"), "deep");
        File.WriteAllText(Path.Combine(project, "run.sh"), "#!/bin/sh\necho hi\n");
        File.SetUnixFileMode(Path.Combine(project, "run.sh"), (UnixFileMode)0x1ED);
        File.CreateSymbolicLink(Path.Combine(project, "link"), "run.sh");
        Directory.CreateDirectory(Path.Combine(project, "empty"));
        var archive = Path.Combine(_folder, "project.tar.gz");
        using (var output = File.Create(archive))
        {
            ProjectArchive.Write(project, "my app", output);
        }

        var into = Directory.CreateDirectory(Path.Combine(_folder, "out")).FullName;
        Exec($"cd '{into}' && {tar} -xozf '{archive}'");

        var unpacked = Path.Combine(into, "my app");
        Assert.Equal("deep", File.ReadAllText(Path.Combine(unpacked, "a folder with spaces", new string('n', 120), "file it's.txt")));
        Assert.Equal((UnixFileMode)0x1ED, File.GetUnixFileMode(Path.Combine(unpacked, "run.sh")));
        Assert.Equal("run.sh", new FileInfo(Path.Combine(unpacked, "link")).LinkTarget);
        Assert.True(Directory.Exists(Path.Combine(unpacked, "empty")));
    }

    private static void Exec(string command)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(30_000), "timed out");
        Assert.True(process.ExitCode == 0, stderr);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
