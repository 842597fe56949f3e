using System.Formats.Tar;
using System.IO.Compression;

namespace Fabric.Engine.Projects;

/// <summary>
/// <c>UploadProject</c>'s archive, made in-process: a folder as a gzipped tar whose entries all start with the folder's name
/// (<c>app/…</c>), as <c>tar -czf - -C parent app</c> makes it: folders, files with their permissions and times, symbolic
/// links as links. GNU format, which GNU and BusyBox <c>tar</c> both read, long names included.
/// </summary>
internal static class ProjectArchive
{
    /// <summary>Writes <paramref name="folder"/> as <paramref name="name"/><c>/…</c> into <paramref name="output"/>, gzipped.</summary>
    public static void Write(string folder, string name, Stream output)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        using var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true);
        using var tar = new TarWriter(gzip, TarEntryFormat.Gnu, leaveOpen: true);
        Add(tar, new DirectoryInfo(folder), name);
    }

    private static void Add(TarWriter tar, DirectoryInfo folder, string entryName)
    {
        tar.WriteEntry(folder.FullName, entryName);
        foreach (var item in folder.EnumerateFileSystemInfos().OrderBy(i => i.Name, StringComparer.Ordinal))
        {
            var name = entryName + "/" + item.Name;
            if (item is DirectoryInfo { LinkTarget: null } subfolder)
            {
                Add(tar, subfolder, name);
            }
            else
            {
                tar.WriteEntry(item.FullName, name); // A file, a link (as a link, never followed), a pipe.
            }
        }
    }
}
