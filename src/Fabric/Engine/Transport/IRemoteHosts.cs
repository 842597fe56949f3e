using Fabric.Engine.Ssh;

namespace Fabric.Engine.Transport;

/// <summary>
/// The run's hosts as the operations see them: a connection per target, opened on first use and shared by every later
/// operation. What moves the bytes (SSH.NET) is behind it; unit tests put a fake in its place.
/// </summary>
internal interface IRemoteHosts
{
    /// <summary>The open connection to <paramref name="target"/>, made on first use.</summary>
    /// <exception cref="AbortException">The host could not be reached, refused the login or its key.</exception>
    Task<IRemoteHost> GetAsync(ConnectionTarget target, CancellationToken cancellationToken);

    /// <summary>Forgets a connection that was lost, so that a later operation connects afresh.</summary>
    void Evict(IRemoteHost host);

    /// <summary>A debug line about a host.</summary>
    void Debug(ConnectionTarget target, string message);
}
