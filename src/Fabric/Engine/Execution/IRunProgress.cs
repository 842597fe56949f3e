namespace Fabric.Engine.Execution;

/// <summary>
/// Told about each task that runs on its hosts in parallel, so that a console can show how far it has got (the tool's
/// live status line). The runner calls it from several threads at once.
/// </summary>
public interface IRunProgress
{
    /// <summary>A task begins on <paramref name="hostCount"/> hosts in parallel; dispose what is returned when it ends.</summary>
    IHostsProgress Begin(string task, int hostCount);
}
