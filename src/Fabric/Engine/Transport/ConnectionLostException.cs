namespace Fabric.Engine.Transport;

/// <summary>The connection under an operation broke; <see cref="Exception.Message"/> says how, in a few words, without the host.</summary>
internal sealed class ConnectionLostException : Exception
{
    public ConnectionLostException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    public ConnectionLostException()
        : base("the connection was lost")
    {
    }

    public ConnectionLostException(string message)
        : base(message)
    {
    }
}
