namespace Fabric.Engine.Transport;

/// <summary>The server refused a file operation (no such file, permission denied); the message is the server's reason.</summary>
internal sealed class RemoteFileException : Exception
{
    public RemoteFileException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public RemoteFileException()
    {
    }

    public RemoteFileException(string message)
        : base(message)
    {
    }
}
