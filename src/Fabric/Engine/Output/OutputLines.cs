namespace Fabric.Engine.Output;

/// <summary>
/// Receives whole lines of a command's output that arrived together: one block of UTF-8 bytes as they came, every line
/// ended by <c>\n</c>, none holding a <c>\r</c>. Valid only during the call.
/// </summary>
internal delegate void OutputLines(ReadOnlySpan<byte> lines);
