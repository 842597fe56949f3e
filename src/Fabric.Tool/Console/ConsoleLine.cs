using Fabric.Engine.Output;

namespace Fabric.Tool.Console;

/// <summary>One line for the console and the log file: what it is, the host it concerns (null: none), and its text.</summary>
/// <param name="Kind">What the line is: decides its format and stream.</param>
/// <param name="Host">The host string it concerns, shown as its <c>[host]</c> prefix; null: none.</param>
/// <param name="Text">The text, without its prefix.</param>
internal readonly record struct ConsoleLine(ConsoleLineKind Kind, string? Host, string Text)
{
    /// <summary>Kept off the console (a hidden output group); the log file still records it.</summary>
    public bool Hidden { get; init; }

    /// <summary>
    /// The start of a line of command output that has not ended yet: <see cref="Text"/> is the line so far. The console
    /// shows what it has not shown yet; its whole line follows, and only that one goes to the log file.
    /// </summary>
    public bool Partial { get; init; }

    /// <summary>The whole line with ANSI colour in it, shown instead of the plain one on a console with colour; null: none.</summary>
    public string? Coloured { get; init; }

    /// <summary>True for the lines written to stderr rather than stdout.</summary>
    public bool IsError => Kind is ConsoleLineKind.Warning or ConsoleLineKind.Fatal or ConsoleLineKind.Error or ConsoleLineKind.BuildStatus;

    /// <summary>True for lines of a command's output (<c>out:</c>, <c>err:</c>), the only ones that may be partial or wait.</summary>
    public bool IsCommandOutput => Kind is ConsoleLineKind.Stdout or ConsoleLineKind.Stderr;

    /// <summary>The line of the engine's output.</summary>
    public static ConsoleLine Of(OutputEvent line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new ConsoleLine(KindOf(line.Kind), line.Host, line.Text) { Hidden = line.Hidden, Partial = line.Partial };
    }

    /// <summary>The console's kind for a kind of the engine's output (the same name).</summary>
    public static ConsoleLineKind KindOf(OutputKind kind) => kind switch
    {
        OutputKind.Executing => ConsoleLineKind.Executing,
        OutputKind.Command => ConsoleLineKind.Command,
        OutputKind.Stdout => ConsoleLineKind.Stdout,
        OutputKind.Stderr => ConsoleLineKind.Stderr,
        OutputKind.Warning => ConsoleLineKind.Warning,
        OutputKind.Fatal => ConsoleLineKind.Fatal,
        OutputKind.Status => ConsoleLineKind.Status,
        OutputKind.Debug => ConsoleLineKind.Debug,
        _ => ConsoleLineKind.User,
    };

    /// <summary>What comes before the text of a line of command output: <c>[host] out: </c> or <c>[host] err: </c>.</summary>
    public static string PrefixOf(ConsoleLineKind kind, string? host) =>
        (host is null ? "" : $"[{host}] ") + (kind == ConsoleLineKind.Stderr ? "err: " : "out: ");

    /// <summary>The whole line as the user sees it, without colour.</summary>
    public string Format()
    {
        var prefix = Host is null ? "" : $"[{Host}] ";
        return Kind switch
        {
            ConsoleLineKind.Executing => $"{prefix}Executing task '{Text}'",
            ConsoleLineKind.Stdout => $"{prefix}out: {Text}",
            ConsoleLineKind.Stderr => $"{prefix}err: {Text}",
            ConsoleLineKind.Warning => $"{prefix}Warning: {Text}",
            ConsoleLineKind.Fatal => $"Fatal error: {Text}",
            ConsoleLineKind.User when prefix.Length > 0 && Text.Contains('\n', StringComparison.Ordinal) => EveryLine(prefix, Text),
            _ => prefix + Text,
        };
    }

    /// <summary>
    /// <c>Print("a\nb")</c> on a host: every line gets the host, so a line of a parallel run never stands without its
    /// host (Fabric's <c>puts</c> prefixed only the first).
    /// </summary>
    private static string EveryLine(string prefix, string text) =>
        prefix + text.ReplaceLineEndings("\n").Replace("\n", "\n" + prefix, StringComparison.Ordinal);
}
