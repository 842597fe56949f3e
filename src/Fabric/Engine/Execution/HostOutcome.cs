namespace Fabric.Engine.Execution;

/// <summary>How one host's execution of a task ended, as <see cref="HostFanOut"/> reports it.</summary>
/// <param name="Started">False: it never started, because another host had failed first.</param>
/// <param name="Result">What the execution returned.</param>
/// <param name="Error">Why it failed, or null.</param>
internal sealed record HostOutcome<TResult>(bool Started, TResult? Result, Exception? Error)
{
    public static HostOutcome<TResult> NotStarted { get; } = new(false, default, null);

    public bool Succeeded => Started && Error is null;
}
