namespace Fabric.Engine.Execution;

/// <summary>How a run ended.</summary>
public enum RunEnding
{
    /// <summary>Every task ran on every host of its list (warnings and skipped hosts included).</summary>
    Completed,

    /// <summary>A failure stopped the run (fail fast): <see cref="RunOutcome.Failure"/> says which and why.</summary>
    Aborted,

    /// <summary>The run's cancellation token was cancelled (Ctrl-C in the tool).</summary>
    Interrupted,
}

/// <summary>
/// What a run of a plan gives back: how it ended, the failure that stopped it, and a row per task and host (status,
/// duration, error). The engine prints none of this; whoever ran it (the tool) renders it and picks an exit code.
/// </summary>
/// <param name="Ending">How the run ended.</param>
/// <param name="Failure">Under <see cref="RunEnding.Aborted"/>, the failure's message (task, host and cause); otherwise null.</param>
/// <param name="Rows">One row per task and host, in the order they started; empty when nothing started.</param>
public sealed record RunOutcome(RunEnding Ending, string? Failure, IReadOnlyList<RunSummary.Row> Rows)
{
    /// <summary>For a dry run, what would run where, task by task; null when the run was not a dry run.</summary>
    public IReadOnlyList<RunPreview>? Preview { get; init; }
}
