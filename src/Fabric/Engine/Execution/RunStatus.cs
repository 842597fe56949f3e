namespace Fabric.Engine.Execution;

/// <summary>How one task's run on one host ended, for the run summary.</summary>
public enum RunStatus
{
    /// <summary>It ran to the end.</summary>
    Ok,

    /// <summary>It failed (the run aborts, unless the failure was only warned about).</summary>
    Failed,

    /// <summary>It was skipped: every host excluded, or an unreachable host under <c>Env.SkipBadHosts</c>.</summary>
    Skipped,

    /// <summary>It had started when the run was interrupted.</summary>
    CutShort,

    /// <summary>It never started, because the run stopped first.</summary>
    NotStarted,
}
