using System.Diagnostics;
using System.Text;

namespace Fabric.Tool.Fabfiles;

/// <summary>Runs the <c>dotnet</c> command line of the SDK that runs the tool, and collects what it prints.</summary>
internal static class DotnetCli
{
    /// <summary>How long to wait for the output pipes to close once <c>dotnet</c> itself has exited.</summary>
    private static readonly TimeSpan PipeGrace = TimeSpan.FromSeconds(5);

    /// <summary>
    /// MSBuild variables that a parent MSBuild (<c>dotnet test</c>, <c>dotnet run</c>) leaves in the environment;
    /// a child build must find its own SDK.
    /// </summary>
    private static readonly string[] InheritedMSBuildVariables =
        ["MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly"];

    /// <summary>
    /// The <c>dotnet</c> executable: the one running this process when it is <c>dotnet</c>, else
    /// <c>DOTNET_HOST_PATH</c>, else <c>dotnet</c> on the PATH.
    /// </summary>
    public static string ExecutablePath
    {
        get
        {
            var processPath = Environment.ProcessPath;
            if (processPath is not null
                && Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            {
                return processPath;
            }

            var hostPath = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            return string.IsNullOrEmpty(hostPath) || !File.Exists(hostPath) ? "dotnet" : hostPath;
        }
    }

    /// <summary>Runs <c>dotnet</c> with the arguments and returns its exit code and output.</summary>
    /// <remarks>
    /// Both pipes are read asynchronously, and once the process has exited its pipes get a short grace
    /// period instead of an endless wait: build servers it started may hold them open (dotnet/msbuild#10530).
    /// </remarks>
    public static async Task<DotnetResult> RunAsync(
        IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null,
        CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(ExecutablePath)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var variable in InheritedMSBuildVariables)
        {
            start.Environment.Remove(variable);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        process.StandardInput.Close();
        var output = new StringBuilder();
        var error = new StringBuilder();
        var reading = Task.WhenAll(
            CopyAsync(process.StandardOutput, output),
            CopyAsync(process.StandardError, error));
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        await Task.WhenAny(reading, Task.Delay(PipeGrace, CancellationToken.None)).ConfigureAwait(false);
        lock (output)
        {
            lock (error)
            {
                return new DotnetResult(process.ExitCode, output.ToString(), error.ToString());
            }
        }
    }

    private static async Task CopyAsync(StreamReader reader, StringBuilder into)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            lock (into)
            {
                into.Append(buffer, 0, read);
            }
        }
    }
}
