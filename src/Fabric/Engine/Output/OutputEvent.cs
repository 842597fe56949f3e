namespace Fabric.Engine.Output;

/// <summary>One line of output: what it is, which host it concerns (null: none), and its text.</summary>
internal sealed record OutputEvent(OutputKind Kind, string? Host, string Text);
