using Fabric.Engine.Execution;
using Fabric.Engine.Output;

namespace Fabric.Tool.Console;

/// <summary>
/// The line that closes a run, as Fabric prints it: <c>Done.</c> (output group: status) when every task ran,
/// <c>Fatal error: …</c> then <c>Aborting.</c> when a failure stopped it, <c>Fatal error: Interrupted.</c> on Ctrl-C.
/// </summary>
internal static class RunEndingLine
{
    /// <summary>The closing line of a run that ended as <paramref name="outcome"/> says.</summary>
    public static OutputEvent Of(RunOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Ending switch
        {
            RunEnding.Completed => new OutputEvent(OutputKind.Status, null, "Done."),
            RunEnding.Interrupted => new OutputEvent(OutputKind.Fatal, null, "Interrupted."),
            _ => Aborting(outcome.Failure ?? "the run failed."),
        };
    }

    /// <summary><c>Fatal error: <paramref name="message"/></c>, a blank line, and <c>Aborting.</c></summary>
    public static OutputEvent Aborting(string message) =>
        new(OutputKind.Fatal, null, message + System.Environment.NewLine + System.Environment.NewLine + "Aborting.");
}
