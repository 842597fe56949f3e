namespace Fabric.Tool.Console;

/// <summary>How <c>--log-file</c> writes its lines (<c>--log-format</c>).</summary>
internal enum LogFileFormat
{
    /// <summary>One line each: time, level, host, task, text.</summary>
    Text,

    /// <summary>One JSON object per line, with the same fields as properties.</summary>
    Json,
}
