namespace Fabric.Engine.Ssh;

/// <summary>Joining remote (POSIX) paths: an absolute or <c>~</c> path replaces the base, a relative one is appended.</summary>
internal static class RemotePaths
{
    public static string Join(string? directory, string path)
    {
        if (directory is null || path.StartsWith('/') || path == "~" || path.StartsWith("~/", StringComparison.Ordinal))
        {
            return path;
        }

        return directory.TrimEnd('/') + "/" + path;
    }

    public static string FileName(string path)
    {
        var trimmed = path.TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        return slash < 0 ? trimmed : trimmed[(slash + 1)..];
    }

    public static string DirectoryOf(string path)
    {
        var trimmed = path.TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        return slash < 0 ? "." : slash == 0 ? "/" : trimmed[..slash];
    }
}
