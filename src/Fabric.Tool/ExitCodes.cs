using Fabric.Engine.Execution;

namespace Fabric.Tool;

/// <summary>The process exit codes: 0 all ran, 1 aborted while running, 2 nothing ran (bad input), 130 interrupted.</summary>
internal static class ExitCodes
{
    /// <summary>Every task ran.</summary>
    public const int Ok = 0;

    /// <summary>Aborted while running: a failed command, a task exception, an unreachable host.</summary>
    public const int Aborted = 1;

    /// <summary>Nothing ran: the command line, the fabfile or its build was wrong.</summary>
    public const int Usage = 2;

    /// <summary>Interrupted (Ctrl-C).</summary>
    public const int Interrupted = 130;

    /// <summary>The exit code of a run that ended as <paramref name="outcome"/> says.</summary>
    public static int Of(RunOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Ending switch
        {
            RunEnding.Completed => Ok,
            RunEnding.Interrupted => Interrupted,
            _ => Aborted,
        };
    }
}
