namespace Fabric.Engine.Transport;

/// <summary>
/// A host's files, for the transfers: over SFTP where the server offers it, else through POSIX commands on exec channels.
/// Paths are absolute, or relative to the login folder; no <c>~</c>. Every call fails with
/// <see cref="RemoteFileException"/> (the server's reason: missing, not allowed) or <see cref="ConnectionLostException"/>.
/// </summary>
internal interface IRemoteFiles : IAsyncDisposable
{
    /// <summary>How it reaches the files, for a debug line (<c>SFTP</c>, <c>shell commands</c>).</summary>
    string Kind { get; }

    /// <summary>The login folder, absolute.</summary>
    Task<string> HomeAsync(CancellationToken cancellationToken);

    /// <summary>What <paramref name="path"/> is (following symbolic links), or null when there is nothing there.</summary>
    Task<RemoteFileInfo?> StatAsync(string path, CancellationToken cancellationToken);

    /// <summary>The entries of the folder <paramref name="folder"/>, without <c>.</c> and <c>..</c>.</summary>
    Task<IReadOnlyList<RemoteEntry>> ListAsync(string folder, CancellationToken cancellationToken);

    /// <summary>Copies the remote file at <paramref name="path"/> into <paramref name="to"/>, up to its end.</summary>
    Task DownloadAsync(string path, Stream to, CancellationToken cancellationToken);

    /// <summary>Creates <paramref name="path"/> (it must not exist) with <paramref name="createMode"/> (null: the server's default) and writes <paramref name="from"/> into it.</summary>
    Task UploadAsync(Stream from, string path, int? createMode, CancellationToken cancellationToken);

    /// <summary>Sets the permission bits of <paramref name="path"/>.</summary>
    Task SetModeAsync(string path, int mode, CancellationToken cancellationToken);

    /// <summary>Renames <paramref name="from"/> to <paramref name="to"/>, replacing a file there.</summary>
    Task RenameAsync(string from, string to, CancellationToken cancellationToken);

    /// <summary>Removes the file <paramref name="path"/>.</summary>
    Task RemoveAsync(string path, CancellationToken cancellationToken);

    /// <summary>Creates the folder <paramref name="path"/> (its parent must exist) with <paramref name="mode"/> (null: the server's default).</summary>
    Task MakeDirectoryAsync(string path, int? mode, CancellationToken cancellationToken);

    /// <summary>Removes the empty folder <paramref name="path"/>.</summary>
    Task RemoveDirectoryAsync(string path, CancellationToken cancellationToken);
}
