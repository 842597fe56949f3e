namespace Fabric.Engine.Execution;

/// <summary>A task failed; carries the one-line description printed after <c>Fatal error:</c>.</summary>
internal sealed class TaskFailure : Exception
{
    /// <summary>Which run's summary row already shows this failure (<c>task 'x' on host</c>); null: none yet.</summary>
    public string? Recorded { get; set; }

    public TaskFailure(string message)
        : base(message)
    {
    }

    public TaskFailure(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
