namespace Fabric.Engine.Transfers;

/// <summary>Where a <c>Put</c> of several files may go.</summary>
internal static class PutTarget
{
    /// <summary>
    /// Why a <c>Put</c> is refused before anything is written, or null. Several files (a glob with several matches) to a
    /// path that is not a folder (not an existing one, and not ending in <c>/</c>) are refused: Fabric 1.x wrote each over
    /// that one path in turn, so only the last survived (a glob of keys onto <c>authorized_keys</c> locked users out), and
    /// making a folder of that name instead surprised as much.
    /// </summary>
    public static string? Refusal(string localPath, int files, bool intoFolder, string remotePath) =>
        files > 1 && !intoFolder
            ? $"put: '{localPath}' matches {files} files, but {remotePath} is not a folder: end it with / to make one, or name one file. Nothing was sent."
            : null;
}
