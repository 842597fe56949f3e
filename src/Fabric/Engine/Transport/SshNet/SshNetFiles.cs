using System.Net.Sockets;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace Fabric.Engine.Transport.SshNet;

/// <summary>
/// A host's files over SSH.NET's <see cref="SftpClient"/>: a second connection to the host (SSH.NET cannot open SFTP on an
/// existing one), opened on the first download and reused. Its bounded read-ahead keeps memory flat however slowly the
/// local disk writes.
/// </summary>
internal sealed class SshNetFiles(SftpClient sftp) : IRemoteFiles
{
    public async Task DownloadAsync(string path, Stream to, CancellationToken cancellationToken)
    {
        try
        {
            await sftp.DownloadFileAsync(path, to, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SftpPermissionDeniedException or SftpPathNotFoundException)
        {
            throw new RemoteFileException(e.Message, e);
        }
        catch (Exception e) when (e is SshException or SocketException or ObjectDisposedException)
        {
            throw new ConnectionLostException(e.Message.TrimEnd('.'), e);
        }
    }
}
