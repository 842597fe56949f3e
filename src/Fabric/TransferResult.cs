namespace Fabric;

/// <summary>What a <c>Put</c> or <c>Get</c> moved: each file copied, and (only in warn-only mode) the ones that failed.</summary>
public sealed record TransferResult
{
    /// <summary>The operation: <c>put</c> or <c>get</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The host string it ran on.</summary>
    public required string Host { get; init; }

    /// <summary>The files copied, in order.</summary>
    public IReadOnlyList<TransferredFile> Files { get; init; } = [];

    /// <summary>Paths that could not be copied, with the reason (empty unless warn-only is on, else the run aborts).</summary>
    public IReadOnlyList<string> Failures { get; init; } = [];

    /// <summary>True when every file was copied.</summary>
    public bool Succeeded => Failures.Count == 0;

    /// <summary>True when some file could not be copied.</summary>
    public bool Failed => !Succeeded;
}
