using Fabric.Engine.Ssh;
using Fabric.Engine.Transport;
using Renci.SshNet;

namespace Fabric.Engine.Transport.SshNet;

/// <summary>
/// One open, authenticated SSH connection to a host, shared by every operation and task on it, and what the run learnt
/// of that host (its sudo). Its channels are opened by the transport (<see cref="Transport.SshNet.SshNetHost"/>), which
/// keeps to what the server allows at once.
/// </summary>
internal sealed class SshConnection(ConnectionTarget target, SshClient client) : IDisposable
{
    /// <summary>Channels open at once on one connection at most, until the server says it allows fewer.</summary>
    public const int MaxChannels = 8;

    private readonly Lock _gate = new();
    private IRemoteHost? _remote;

    public ConnectionTarget Target { get; } = target;

    public SshClient Client { get; } = client;

    /// <summary>This host's sudo: its prompt marker, and its password once known.</summary>
    public SudoState Sudo { get; } = new();

    public bool IsConnected => Client.IsConnected;

    /// <summary>The host key this connection accepted: a second connection to the host (a one-session server) must present the same.</summary>
    public byte[]? HostKey { get; init; }

    /// <summary>The resolved settings (config, options) it was opened with, for opening a second connection the same way.</summary>
    public SshHostSettings? Settings { get; init; }

    /// <summary>Where it was dialled: the host itself, or a gateway's forwarded local port.</summary>
    public (string Host, int Port) Endpoint { get; init; }

    /// <summary>This connection as the transport's <see cref="IRemoteHost"/>, made by <paramref name="make"/> on first use.</summary>
    public IRemoteHost Remote(Func<SshConnection, IRemoteHost> make)
    {
        ArgumentNullException.ThrowIfNull(make);
        lock (_gate)
        {
            return _remote ??= make(this);
        }
    }

    public void Dispose()
    {
        try
        {
            if (Client.IsConnected)
            {
                Client.Disconnect();
            }
        }
        finally
        {
            Client.Dispose();
        }
    }
}
