namespace Fabric.Engine.Execution;

/// <summary>One parallel task's hosts as they start and end (see <see cref="IRunProgress"/>); disposed when the task ends.</summary>
public interface IHostsProgress : IDisposable
{
    /// <summary>A host starts.</summary>
    void Started();

    /// <summary>A host that started has ended: <see cref="RunStatus.Ok"/>, <see cref="RunStatus.Failed"/> or <see cref="RunStatus.Skipped"/>.</summary>
    void Ended(RunStatus status);
}
