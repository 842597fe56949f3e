using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Fabric.Tool.Fabfiles;

/// <summary>
/// What the last good build of a fabfile project left behind: a hash of its inputs and the assembly it
/// produced. Kept in <c>obj/dotnet-fab.stamp</c> next to the project, so an unchanged fabfile is loaded
/// without running MSBuild. A single-file fabfile has no <c>obj/</c> of its own (the SDK builds it in a folder of its
/// own choosing), and its folder is the user's, so its stamp lives in a folder of the tool's per fabfile path
/// (<see cref="SingleFileStateFolder"/>).
/// </summary>
/// <param name="InputHash">The <see cref="ComputeInputHash"/> of the project after that build.</param>
/// <param name="AssemblyPath">The built assembly (MSBuild's <c>TargetPath</c>).</param>
internal sealed record FabfileStamp(string InputHash, string AssemblyPath)
{
    private const string Header = "dotnet-fab stamp v1";

    /// <summary>Where the stamp of a project (or single-file fabfile) lives.</summary>
    public static string PathFor(string projectPath) =>
        FabfileLocation.IsSingleFilePath(projectPath)
            ? Path.Combine(SingleFileStateFolder(projectPath), "dotnet-fab.stamp")
            : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(projectPath))!, "obj", "dotnet-fab.stamp");

    /// <summary>
    /// The tool's folder for one single-file fabfile (stamp, cached task list, build settings):
    /// <c>~/.local/share/dotnet-fab/fabfiles/NAME-HASH</c> (the local application data folder), HASH from its full path.
    /// </summary>
    public static string SingleFileStateFolder(string filePath)
    {
        var fullPath = Path.GetFullPath(filePath);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(fullPath)))[..16].ToLowerInvariant();
        var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(root))
        {
            root = Path.GetTempPath();
        }

        return Path.Combine(root, "dotnet-fab", "fabfiles", $"{Path.GetFileNameWithoutExtension(fullPath)}-{hash}");
    }

    /// <summary>
    /// A hash of the path, size and last write time of every input file (<see cref="FabfileInputs"/>) and
    /// of the identity of the tool and of the Fabric library it loads fabfiles against.
    /// </summary>
    public static string ComputeInputHash(string projectPath)
    {
        var text = new StringBuilder();
        text.Append("tool ").Append(typeof(FabfileStamp).Assembly.ManifestModule.ModuleVersionId).Append('\n');
        text.Append("fabric ").Append(typeof(TaskAttribute).Assembly.ManifestModule.ModuleVersionId).Append('\n');
        foreach (var path in FabfileInputs.Enumerate(projectPath))
        {
            var file = new FileInfo(path);
            if (file.Exists)
            {
                text.Append(CultureInfo.InvariantCulture, $"{path}|{file.Length}|{file.LastWriteTimeUtc.Ticks}\n");
            }
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Reads a stamp, or returns null when there is none or it cannot be read.</summary>
    public static FabfileStamp? Read(string stampPath)
    {
        try
        {
            var lines = File.ReadAllLines(stampPath);
            return lines is [Header, var hash, var assembly, ..] && hash.Length > 0 && assembly.Length > 0
                ? new FabfileStamp(hash, assembly)
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Writes the stamp, replacing any previous one.</summary>
    public void Write(string stampPath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(stampPath)!);
        var temporary = stampPath + ".tmp";
        File.WriteAllLines(temporary, [Header, InputHash, AssemblyPath]);
        File.Move(temporary, stampPath, overwrite: true);
    }
}
