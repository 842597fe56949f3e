namespace Fabric.Engine.Transport;

/// <summary>A pseudo-terminal's type and size in characters.</summary>
public sealed record TerminalSize(int Columns, int Rows)
{
    /// <summary>The <c>TERM</c> the remote side is told.</summary>
    public string Term { get; init; } = "xterm";

    /// <summary>80 × 24, for runs that have no terminal of their own to copy.</summary>
    public static TerminalSize Default { get; } = new(80, 24);
}
