namespace Fabric.Engine.Transport;

/// <summary>What to start on a new channel.</summary>
/// <param name="CommandLine">The line the server's shell executes (an SSH <c>exec</c> request); null: the account's login shell (<c>shell</c>).</param>
internal sealed record CommandRequest(string? CommandLine)
{
    /// <summary>A pseudo-terminal of this size to run it on (an SSH <c>pty-req</c> first); null: none.</summary>
    public TerminalSize? Terminal { get; init; }

    /// <summary>A subsystem to start instead of a command (an SSH <c>subsystem</c> request, such as <c>sftp</c>); null: none.</summary>
    public string? Subsystem { get; init; }
}
