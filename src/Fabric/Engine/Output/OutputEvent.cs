namespace Fabric.Engine.Output;

/// <summary>One line of output: what it is, which host it concerns (null: none), and its text.</summary>
/// <param name="Kind">What the line is; decides its format and output group.</param>
/// <param name="Host">The host string it concerns, or null.</param>
/// <param name="Text">The text, without the host prefix.</param>
public sealed record OutputEvent(OutputKind Kind, string? Host, string Text)
{
    /// <summary>
    /// True when the run or a <c>Hide(...)</c> scope (or the default for debug lines) keeps it off the console: sinks that
    /// show output skip it; a log file records it.
    /// </summary>
    public bool Hidden { get; init; }

    /// <summary>
    /// True for the start of a line that has not ended yet (a remote prompt without a line break, serial runs without
    /// <c>Env.Linewise</c>): <see cref="Text"/> is the line so far. The whole line follows as an ordinary event; a console
    /// shows what it has not shown yet, a log file records only the whole line.
    /// </summary>
    public bool Partial { get; init; }
}
