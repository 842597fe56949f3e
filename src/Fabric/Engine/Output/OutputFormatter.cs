namespace Fabric.Engine.Output;

/// <summary>Turns an output event into the Fabric-like line the user sees.</summary>
internal static class OutputFormatter
{
    public static string Format(OutputEvent line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var prefix = line.Host is null ? "" : $"[{line.Host}] ";
        return line.Kind switch
        {
            OutputKind.Executing => $"{prefix}Executing task '{line.Text}'",
            OutputKind.Command => prefix + line.Text,
            OutputKind.Stdout => $"{prefix}out: {line.Text}",
            OutputKind.Stderr => $"{prefix}err: {line.Text}",
            OutputKind.Warning => $"{prefix}Warning: {line.Text}",
            OutputKind.Fatal => $"Fatal error: {line.Text}",
            OutputKind.User when prefix.Length > 0 && line.Text.Contains('\n', StringComparison.Ordinal) => EveryLine(prefix, line.Text),
            _ => prefix + line.Text,
        };
    }

    /// <summary>
    /// <c>Print("a\nb")</c> on a host: every line gets the host, so a line of a parallel run never stands without its
    /// host (Fabric's <c>puts</c> prefixed only the first).
    /// </summary>
    private static string EveryLine(string prefix, string text) =>
        prefix + text.ReplaceLineEndings("\n").Replace("\n", "\n" + prefix, StringComparison.Ordinal);
}
