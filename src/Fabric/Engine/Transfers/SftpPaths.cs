namespace Fabric.Engine.Transfers;

/// <summary>
/// Remote paths as SFTP names them: SFTP does no <c>~</c> expansion, but resolves relative paths against the login
/// directory, so <c>~</c> and <c>~/x</c> become <c>.</c> and <c>x</c>. A <c>~user</c> path has no SFTP form.
/// </summary>
internal static class SftpPaths
{
    /// <summary>The SFTP form of <paramref name="path"/>, or null when it has none.</summary>
    public static string? For(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path switch
        {
            "~" => ".",
            _ when path.StartsWith("~/", StringComparison.Ordinal) => path.Length == 2 ? "." : path[2..],
            _ when path.StartsWith('~') => null,
            _ => path,
        };
    }
}
