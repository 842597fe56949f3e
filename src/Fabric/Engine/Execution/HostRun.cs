using Fabric.Engine.Hosts;
using static Fabric.Engine.Execution.TaskFailureText;

namespace Fabric.Engine.Execution;

/// <summary>What one execution of a task on a host gave: its value, or nothing because the host was skipped.</summary>
internal sealed record HostRun(bool IsSkipped, object? Value)
{
    public static HostRun Skipped { get; } = new(true, null);

    /// <summary>
    /// What the task returned on each host that ran it (host string → value), once every host ended; throws the run's
    /// interruption when it was cancelled, or the task's failure when a host failed.
    /// </summary>
    public static Dictionary<string, object?> Collect(
        RunContext context, string taskName, IReadOnlyList<HostString> hosts, IReadOnlyList<HostOutcome<HostRun>> outcomes, int poolSize)
    {
        if (context.Cancellation.IsCancellationRequested && outcomes.Any(o => o.Error is OperationCanceledException))
        {
            throw new OperationCanceledException(context.Cancellation);
        }

        if (FanOutFailure(taskName, hosts, outcomes, poolSize) is { } failure)
        {
            throw failure;
        }

        var results = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < hosts.Count; i++)
        {
            if (outcomes[i].Result is { IsSkipped: false } run)
            {
                results[hosts[i].Original] = run.Value;
            }
        }

        return results;
    }
}
