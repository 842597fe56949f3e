namespace Fabric.EndToEnd.Tests.Infrastructure;

/// <summary>Runs the real <c>dotnet-fab</c> (built next to these tests) as a separate process.</summary>
internal static class FabTool
{
    public static readonly string ToolPath = Path.Combine(AppContext.BaseDirectory, "dotnet-fab.dll");

    /// <summary>The <c>dotnet</c> host running these tests (the one <c>dotnet test</c> names), else the one on PATH.</summary>
    public static string DotnetHost { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    public static Task<FabResult> RunAsync(string workingDirectory, IEnumerable<string> args, IDictionary<string, string>? environment = null, TimeSpan? timeout = null) =>
        ChildProcess.RunAsync(DotnetHost, [ToolPath, .. args], workingDirectory, environment, timeout);

    /// <summary>
    /// Runs <c>dotnet-fab</c> on a 200-column pseudo-terminal (util-linux <c>script -qfec</c>) as on a user's terminal
    /// (<c>TERM=xterm</c>, colour allowed): stdout holds everything it printed there, stderr included.
    /// </summary>
    public static Task<FabResult> OnTerminalAsync(string workingDirectory, IEnumerable<string> args)
    {
        var command = "stty cols 200 rows 50; exec " + string.Join(' ', new[] { DotnetHost, ToolPath }.Concat(args).Select(ShellQuote));
        return ChildProcess.RunAsync(
            "script", ["-qfec", command, "/dev/null"], workingDirectory, new Dictionary<string, string> { ["TERM"] = "xterm", ["NO_COLOR"] = "" }, TimeSpan.FromSeconds(120));
    }

    private static string ShellQuote(string arg) => "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
