namespace Fabric;

/// <summary>
/// Stops the whole run: <c>dotnet fab</c> prints <c>Fatal error:</c> with its message, then
/// <c>Aborting.</c>, and exits 1. Thrown by <see cref="Api.Abort"/> and by failed operations
/// outside warn-only mode.
/// </summary>
public class AbortException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AbortException()
    {
    }

    /// <summary>Creates the exception with the message to show after <c>Fatal error:</c>.</summary>
    public AbortException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public AbortException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
