namespace Fabric.Engine.Transport;

/// <summary>What a remote path is: a file, a folder or something else (a device, a socket).</summary>
internal enum RemoteFileType
{
    File,
    Directory,
    Other,
}

/// <summary>A remote path's type, size in bytes and permission bits (<c>0644</c>; null when the server did not say).</summary>
internal sealed record RemoteFileInfo(RemoteFileType Type, long Size, int? Mode);

/// <summary>
/// One entry of a remote folder. <see cref="Name"/> is its name decoded as UTF-8; when the server's bytes are not UTF-8
/// (a Latin-1 name) <see cref="NotUtf8"/> is true and <see cref="Name"/> shows the bad bytes as <c>\xE9</c>.
/// </summary>
/// <param name="Name">The entry's name.</param>
/// <param name="Info">What it is; for a symbolic link, what it points to (null: a dangling link).</param>
/// <param name="NotUtf8">The name is not valid UTF-8: it cannot be named back to the server as text.</param>
internal sealed record RemoteEntry(string Name, RemoteFileInfo? Info, bool NotUtf8 = false);
