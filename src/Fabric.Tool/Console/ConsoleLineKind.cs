namespace Fabric.Tool.Console;

/// <summary>
/// What a line on the console is: the engine's kinds of output (<c>Stdout</c> to <c>User</c>, as the engine's
/// <c>OutputKind</c> names them) and the tool's own. Decides the line's format, its stream (stdout or stderr), and what
/// the log file calls it.
/// </summary>
internal enum ConsoleLineKind
{
    /// <summary><c>[host] Executing task 'name'</c>.</summary>
    Executing,

    /// <summary><c>[host] run: cmd</c> and the like: the text holds <c>verb: detail</c>.</summary>
    Command,

    /// <summary>A line of a command's standard output: <c>[host] out: line</c>.</summary>
    Stdout,

    /// <summary>A line of a command's standard error: <c>[host] err: line</c>.</summary>
    Stderr,

    /// <summary><c>[host] Warning: …</c>, on stderr.</summary>
    Warning,

    /// <summary>The engine's <c>Fatal error: …</c>, on stderr.</summary>
    Fatal,

    /// <summary>A status line: <c>Done.</c>, <c>Aborting.</c>, <c>Disconnecting from … done.</c>.</summary>
    Status,

    /// <summary>Detail for <c>--show debug</c>: the engine's, the tool's (fabfile loading) and an error's trace.</summary>
    Debug,

    /// <summary>Text a task prints itself through <c>Print</c>: shown as is, each of its lines after the host.</summary>
    User,

    /// <summary>The tool's own error (<c>Error: …</c>, <c>Fatal error: dotnet fab failed …</c>): shown as is, on stderr.</summary>
    Error,

    /// <summary>A line of the run summary's table: plain, or with its status in colour.</summary>
    Summary,

    /// <summary>What the fabfile's build is doing (<c>Building …</c>), on stderr.</summary>
    BuildStatus,
}
