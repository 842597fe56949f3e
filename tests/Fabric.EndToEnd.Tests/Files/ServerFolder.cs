using Fabric.EndToEnd.Tests.Ssh;

namespace Fabric.EndToEnd.Tests.Files;

/// <summary>
/// A folder in <c>/tmp</c> of the server (this machine, so the test looks at it directly), owned by the login user of the
/// test, with a <c>private</c> folder inside that only root may enter; removed at the end.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal sealed class ServerFolder : IDisposable
{
    public ServerFolder(string owner)
    {
        Path = $"/tmp/fabric-files-{Guid.NewGuid():N}";
        Directory.CreateDirectory(Path);
        SshdFixture.Exec("chown", owner, Path);
        Directory.CreateDirectory(Of("private"));
        File.SetUnixFileMode(Of("private"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Owner = owner;
    }

    public string Path { get; }

    public string Owner { get; }

    public string Of(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes a file owned by <paramref name="owner"/> (default: the login user) with <paramref name="mode"/> (octal).</summary>
    public string Write(string name, string content, string? owner = null, string mode = "644")
    {
        var file = Of(name);
        File.WriteAllText(file, content);
        SshdFixture.Exec("chown", owner ?? Owner, file);
        SshdFixture.Exec("chmod", mode, file);
        return file;
    }

    public string Read(string name) => File.ReadAllText(Of(name));

    /// <summary>The owner and mode of a file, as <c>stat -c '%U %a'</c> gives them: <c>root 640</c>.</summary>
    public string OwnerAndMode(string name) => SshdFixture.Exec("stat", "-c", "%U %a", Of(name)).Trim();

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
