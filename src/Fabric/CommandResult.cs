namespace Fabric;

/// <summary>
/// What a <c>Run</c>, <c>Sudo</c> or <c>Local</c> returned. Converts to its standard output,
/// so <c>string version = Run("uname -r");</c> works.
/// </summary>
public sealed record CommandResult
{
    /// <summary>The operation: <c>run</c>, <c>sudo</c> or <c>local</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The command as the task asked for it.</summary>
    public required string Command { get; init; }

    /// <summary>The command line actually executed (with the shell, directory and environment wrapped around it).</summary>
    public required string ExecutedCommand { get; init; }

    /// <summary>The host string it ran on, or null for a local command.</summary>
    public string? Host { get; init; }

    /// <summary>Standard output, without its final line break.</summary>
    public string Stdout { get; init; } = "";

    /// <summary>Standard error, without its final line break.</summary>
    public string Stderr { get; init; } = "";

    /// <summary>The exit code; 0 is success.</summary>
    public int ExitCode { get; init; }

    /// <summary>True when the exit code is 0.</summary>
    public bool Succeeded => ExitCode == 0;

    /// <summary>True when the exit code is not 0 (only seen in warn-only mode; otherwise the run aborts).</summary>
    public bool Failed => !Succeeded;

    /// <summary>The standard output.</summary>
    public override string ToString() => Stdout;

    /// <summary>The standard output.</summary>
    public static implicit operator string(CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Stdout;
    }
}
