namespace Fabric.Engine;

/// <summary>
/// Bad input found before anything ran: a wrong task name, argument, host string, role, fabfile.
/// Its message says what is wrong and where, ready to print alone (no stack trace).
/// </summary>
public class FabricUsageException : Exception
{
    /// <summary>Bad input, said in <paramref name="message"/>.</summary>
    public FabricUsageException(string message)
        : base(message)
    {
    }

    /// <summary>Bad input, said in <paramref name="message"/>, found through <paramref name="innerException"/>.</summary>
    public FabricUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
