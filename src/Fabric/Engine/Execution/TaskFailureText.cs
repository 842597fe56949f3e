using System.Diagnostics;
using Fabric.Engine.Hosts;

namespace Fabric.Engine.Execution;

/// <summary>How a task's failure is told: in one line, naming the task and host, and where in the fabfile it came from.</summary>
internal static class TaskFailureText
{
    /// <summary>The first exception of type <typeparamref name="T"/> in <paramref name="e"/>'s chain of causes.</summary>
    public static T? Cause<T>(Exception? e)
        where T : Exception
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is T cause)
            {
                return cause;
            }
        }

        return null;
    }

    /// <summary><c>task 'x'</c>, or <c>task 'x' on host</c>: where a failure happened.</summary>
    public static string Where(string taskName, HostString? host) =>
        host is null ? $"task '{taskName}'" : $"task '{taskName}' on {host.Original}";

    /// <summary>A task's failure in one line: a failed command's own message, an abort's with where it happened, anything else with its type and fabfile line.</summary>
    public static string Describe(Exception e, string taskName, HostString? host)
    {
        var where = Where(taskName, host);
        return e switch
        {
            CommandFailedException => e.Message,
            AbortException => $"{e.Message} ({where})",
            _ => $"{where} threw {e.GetType().Name}: {e.Message}{Location(e)}",
        };
    }

    /// <summary>Where in the fabfile the exception came from (<c> at Fabfile.cs:line 12</c>), when its symbols say.</summary>
    public static string Location(Exception e)
    {
        var frame = new StackTrace(e, fNeedFileInfo: true).GetFrames().FirstOrDefault(f => f.GetFileName() is not null);
        return frame is null ? "" : $" (at {Path.GetFileName(frame.GetFileName())}:line {frame.GetFileLineNumber()})";
    }

    /// <summary>
    /// The failure of a task run on several hosts, or null when none failed: one host's own failure as it is in a serial
    /// run, else one message naming each failed host (and how many were not started).
    /// </summary>
    public static TaskFailure? FanOutFailure<T>(string taskName, IReadOnlyList<HostString> hosts, IReadOnlyList<HostOutcome<T>> outcomes, int poolSize)
    {
        var failed = outcomes.Select((outcome, i) => (Host: hosts[i], outcome.Error)).Where(f => f.Error is not null).ToList();
        if (failed.Count == 0)
        {
            return null;
        }

        if (failed.Count == 1 && poolSize == 1)
        {
            return failed[0].Error as TaskFailure ?? new TaskFailure(failed[0].Error!.Message, failed[0].Error!);
        }

        var notStarted = outcomes.Count(o => !o.Started);
        var lines = failed.Select(f => $"  [{f.Host.Original}] {f.Error!.Message}");
        return new TaskFailure(
            $"Task '{taskName}' failed on {failed.Count} of {hosts.Count} hosts ({string.Join(", ", failed.Select(f => f.Host.Original))})"
            + (notStarted > 0 ? $"; {notStarted} hosts were not started" : "") + ":" + System.Environment.NewLine
            + string.Join(System.Environment.NewLine, lines))
        {
            Recorded = $"task '{taskName}'",
        };
    }
}
