namespace Fabric.Engine.Transport;

/// <summary>A host's files over SFTP, for the transfers.</summary>
internal interface IRemoteFiles
{
    /// <summary>Copies the remote file at <paramref name="path"/> (an SFTP path: absolute, or relative to the login folder) into <paramref name="to"/>.</summary>
    /// <exception cref="RemoteFileException">The file cannot be read (missing, not allowed).</exception>
    /// <exception cref="ConnectionLostException">The connection broke.</exception>
    Task DownloadAsync(string path, Stream to, CancellationToken cancellationToken);
}
