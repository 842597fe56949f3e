namespace Fabric.EndToEnd.Tests.Infrastructure;

/// <summary>Runs the real <c>dotnet-fab</c> (built next to these tests) as a separate process.</summary>
internal static class FabTool
{
    private static readonly string ToolPath = Path.Combine(AppContext.BaseDirectory, "dotnet-fab.dll");

    /// <summary>The <c>dotnet</c> host running these tests (the one <c>dotnet test</c> names), else the one on PATH.</summary>
    public static string DotnetHost { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    public static Task<FabResult> RunAsync(string workingDirectory, IEnumerable<string> args, IDictionary<string, string>? environment = null, TimeSpan? timeout = null) =>
        ChildProcess.RunAsync(DotnetHost, [ToolPath, .. args], workingDirectory, environment, timeout);
}
