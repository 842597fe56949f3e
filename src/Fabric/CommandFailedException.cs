namespace Fabric;

/// <summary>A command that exited non-zero outside warn-only mode. Carries its result.</summary>
public sealed class CommandFailedException : AbortException
{
    /// <summary>Creates the exception for a failed command.</summary>
    public CommandFailedException(CommandResult result)
        : base(Describe(result)) => Result = result;

    /// <summary>Creates the exception with a message already prepared (secrets masked).</summary>
    internal CommandFailedException(CommandResult result, string message)
        : base(message) => Result = result;

    /// <summary>What the command returned.</summary>
    public CommandResult Result { get; }

    internal static string Describe(CommandResult result)
    {
        var where = result.Host is null ? "" : $" on {result.Host}";
        var message = $"{result.Kind} '{result.Command}'{where} failed with exit code {result.ExitCode}";
        var lastLines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(3).ToArray();
        return lastLines.Length == 0 ? message + "." : message + ":" + string.Concat(lastLines.Select(l => "\n    " + l.TrimEnd('\r')));
    }
}
