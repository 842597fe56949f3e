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
            _ => prefix + line.Text,
        };
    }
}
