namespace Fabric.Engine.Transport;

/// <summary>The server refused to start a subsystem (a Dropbear without <c>sftp-server</c> refuses <c>sftp</c>); the connection goes on.</summary>
internal sealed class SubsystemUnavailableException : Exception
{
    public SubsystemUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public SubsystemUnavailableException()
    {
    }

    public SubsystemUnavailableException(string message)
        : base(message)
    {
    }
}
