namespace Fabric.Engine.Transport;

/// <summary>A piece of a command's output.</summary>
/// <param name="IsStderr">True for its standard error (SSH extended data), false for its standard output (or terminal).</param>
/// <param name="Bytes">The bytes, valid until the next read.</param>
internal readonly record struct OutputChunk(bool IsStderr, ReadOnlyMemory<byte> Bytes);
