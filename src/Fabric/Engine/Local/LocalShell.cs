using System.Diagnostics;
using System.Text;
using Fabric.Engine.Execution;
using Fabric.Engine.Output;

namespace Fabric.Engine.Local;

/// <summary>Runs <c>Local</c> commands: <c>/bin/bash -c</c>, output streamed line by line and captured.</summary>
internal static class LocalShell
{
    private const string LocalHost = "localhost";

    public static async Task<CommandResult> RunAsync(RunContext context, string command, ScopeSettings scope, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, context.Cancellation);
        void Write(OutputKind kind, string text) => OutputGroups.Write(context, scope, new OutputEvent(kind, LocalHost, text));
        Write(OutputKind.Command, "local: " + command);

        var start = new ProcessStartInfo("/bin/bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = scope.LocalDirectory ?? "",
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);

        using var process = new Process { StartInfo = start };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new AbortException($"local '{command}' could not start: {e.Message}", e);
        }

        process.StandardInput.Close();
        var readOut = Pump(process.StandardOutput, stdout, line => Write(OutputKind.Stdout, line));
        var readErr = Pump(process.StandardError, stderr, line => Write(OutputKind.Stderr, line));
        try
        {
            await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        await Task.WhenAll(readOut, readErr).ConfigureAwait(false);
        var result = new CommandResult
        {
            Kind = "local",
            Command = command,
            ExecutedCommand = "/bin/bash -c " + command,
            Stdout = stdout.ToString().TrimEnd('\n', '\r'),
            Stderr = stderr.ToString().TrimEnd('\n', '\r'),
            ExitCode = process.ExitCode,
        };
        return CommandOutcome.Check(context, result, scope);
    }

    private static async Task Pump(StreamReader reader, StringBuilder capture, Action<string> onLine)
    {
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            capture.Append(line).Append('\n');
            onLine(line);
        }
    }
}
