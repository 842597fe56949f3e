using Fabric.Engine.Ssh;

namespace Fabric.Engine.Transport;

/// <summary>
/// One open connection to a host: starts commands (or the login shell) on channels of their own. The implementation keeps
/// to what the server allows at once: a channel the server refuses waits for one of ours to close (or, on a server that
/// allows one session per connection, goes over a fresh connection), instead of breaking the connection.
/// </summary>
internal interface IRemoteHost
{
    /// <summary>Where it goes (the host string as written, for messages).</summary>
    ConnectionTarget Target { get; }

    /// <summary>What this host's <c>sudo</c> asked and was told: its prompt marker and, once known, its password.</summary>
    SudoState Sudo { get; }

    /// <summary>False once the connection is closed (by the server, or by us); true while it is up.</summary>
    bool IsConnected => true;

    /// <summary>Opens a channel and starts <paramref name="request"/> on it.</summary>
    /// <exception cref="ConnectionLostException">The connection broke.</exception>
    /// <exception cref="AbortException">The server refuses sessions (its message names the host and why).</exception>
    Task<IRemoteCommand> StartAsync(CommandRequest request, CancellationToken cancellationToken);

    /// <summary>The host's files over SFTP (opened on first use and reused), or null when the server offers no SFTP.</summary>
    Task<IRemoteFiles?> FilesAsync(CancellationToken cancellationToken);
}
