namespace Fabric.Engine.Transport;

/// <summary>Why the server refused a file operation.</summary>
internal enum RemoteFileError
{
    /// <summary>Something else went wrong (the server's message says what).</summary>
    Failure,

    /// <summary>No such file or folder.</summary>
    Missing,

    /// <summary>Permission denied.</summary>
    Denied,

    /// <summary>The server does not do this operation.</summary>
    Unsupported,
}

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

    public RemoteFileException(RemoteFileError error, string message)
        : base(message)
    {
        Error = error;
    }

    public RemoteFileError Error { get; }
}
