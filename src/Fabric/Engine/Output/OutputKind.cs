namespace Fabric.Engine.Output;

/// <summary>What a line of output is; decides its format and the group that hiding and showing act on.</summary>
public enum OutputKind
{
    /// <summary><c>[host] Executing task 'name'</c> (group: running).</summary>
    Executing,

    /// <summary><c>[host] run: cmd</c>, <c>sudo: cmd</c>, <c>local: cmd</c>, <c>put: …</c> (group: running). The text holds <c>verb: detail</c>.</summary>
    Command,

    /// <summary><c>[host] out: line</c> (group: stdout).</summary>
    Stdout,

    /// <summary><c>[host] err: line</c> (group: stderr).</summary>
    Stderr,

    /// <summary><c>Warning: …</c> (group: warnings).</summary>
    Warning,

    /// <summary><c>Fatal error: …</c>; always shown.</summary>
    Fatal,

    /// <summary>Plain status lines: <c>Done.</c>, <c>Aborting.</c>, <c>Disconnecting from … done.</c> (group: status).</summary>
    Status,

    /// <summary>Detail for a debug line (group: debug, hidden unless shown).</summary>
    Debug,

    /// <summary>Text a task prints itself through <c>Api.Print</c>/<c>Console</c>: shown as is.</summary>
    User,
}
