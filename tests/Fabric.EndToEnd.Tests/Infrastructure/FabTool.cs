using System.Diagnostics;

namespace Fabric.EndToEnd.Tests.Infrastructure;

/// <summary>Runs the real <c>dotnet-fab</c> (built next to these tests) as a separate process.</summary>
internal static class FabTool
{
    private static readonly string ToolPath = Path.Combine(AppContext.BaseDirectory, "dotnet-fab.dll");

    /// <summary>The <c>dotnet</c> host running these tests (the one <c>dotnet test</c> names), else the one on PATH.</summary>
    public static string DotnetHost { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    public static async Task<FabResult> RunAsync(string workingDirectory, IEnumerable<string> args, IDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(DotnetHost)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ToolPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet fab {string.Join(' ', args)} did not finish; output so far:\n{await stdout}\n{await stderr}");
        }

        return new FabResult(process.ExitCode, await stdout, await stderr);
    }
}
