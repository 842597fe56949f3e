namespace Fabric.EndToEnd.Tests.Infrastructure;

/// <summary>What one run of <c>dotnet fab</c> printed and returned.</summary>
internal sealed record FabResult(int ExitCode, string Stdout, string Stderr)
{
    public string[] StdoutLines => Stdout.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The run's own output: the stdout lines before the summary table.</summary>
    public string[] RunLines => StdoutLines.TakeWhile(l => l != "Summary:").ToArray();

    public string[] StderrLines => Stderr.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}--- stderr\n{Stderr}";
}
