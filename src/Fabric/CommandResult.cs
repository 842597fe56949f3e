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

    private string? _stdout;
    private string? _stderr;

    /// <summary>
    /// Standard output, without its final line break (lines end in <c>\n</c>); empty when the command ran with
    /// <c>capture: false</c>. With a pseudo-terminal, it holds standard error too: a terminal has one output.
    /// </summary>
    public string Stdout
    {
        get => _stdout ??= StdoutCapture?.ToText() ?? "";
        init => _stdout = value;
    }

    /// <summary>Standard error, without its final line break; empty with <c>capture: false</c> or a pseudo-terminal.</summary>
    public string Stderr
    {
        get => _stderr ??= StderrCapture?.ToText() ?? "";
        init => _stderr = value;
    }

    /// <summary>Standard output as captured, decoded into <see cref="Stdout"/> only when that is read.</summary>
    internal Engine.Output.OutputCapture? StdoutCapture { get; init; }

    /// <summary>Standard error as captured, decoded into <see cref="Stderr"/> only when that is read.</summary>
    internal Engine.Output.OutputCapture? StderrCapture { get; init; }

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
