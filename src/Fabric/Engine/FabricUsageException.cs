namespace Fabric.Engine;

/// <summary>
/// Bad input found before anything ran: a wrong task name, argument, host string, role, fabfile.
/// The tool prints its message alone (no stack trace) and exits 2.
/// </summary>
internal class FabricUsageException : Exception
{
    public FabricUsageException(string message)
        : base(message)
    {
    }

    public FabricUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
