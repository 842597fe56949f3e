namespace Fabric;

/// <summary>
/// An operation of a <see cref="Group"/> failed on one host or more, thrown by <see cref="GroupResult{T}.ThrowIfAnyFailed"/>
/// (and by the group's operations given <c>throwOnFailure: true</c>) once every host has ended. Its message names each
/// failed host with its error; inside a <c>dotnet fab</c> task it aborts the run as any <see cref="AbortException"/> does.
/// </summary>
public sealed class GroupFailedException : AbortException
{
    /// <summary>Creates the exception.</summary>
    public GroupFailedException()
        : this("The group's operation failed.")
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    /// <param name="message">The message.</param>
    public GroupFailedException(string message)
        : this(message, new Dictionary<string, string>())
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public GroupFailedException(string message, Exception innerException)
        : base(message, innerException) => Failures = new Dictionary<string, string>();

    /// <summary>Creates the exception for the failed hosts.</summary>
    /// <param name="message">The message, naming each failed host with its error.</param>
    /// <param name="failures">Each failed host's error, by host string.</param>
    public GroupFailedException(string message, IReadOnlyDictionary<string, string> failures)
        : base(message) => Failures = failures ?? throw new ArgumentNullException(nameof(failures));

    /// <summary>Each failed host's error (<see cref="HostResult{T}.Error"/>), by host string.</summary>
    public IReadOnlyDictionary<string, string> Failures { get; }
}
