using System.Diagnostics;
using Fabric.Engine.Execution;
using Fabric.Engine.Output;
using Fabric.Engine.Ssh;

namespace Fabric.Engine.Local;

/// <summary>
/// Runs <c>Local</c> commands: <c>/bin/bash -c</c>, output streamed line by line (and, unless <c>--linewise</c> or in a
/// parallel run, the start of a line before it ends) and captured.
/// </summary>
internal static class LocalShell
{
    private const string LocalHost = "localhost";

    public static async Task<CommandResult> RunAsync(RunContext context, string command, ScopeSettings scope, CancellationToken cancellationToken) =>
        CommandOutcome.Check(context, await ExecuteAsync(context, command, scope, cancellationToken).ConfigureAwait(false), scope);

    /// <summary>Runs <paramref name="command"/> as <see cref="RunAsync"/> does, and returns its result whatever its exit code: the caller judges it.</summary>
    public static async Task<CommandResult> ExecuteAsync(RunContext context, string command, ScopeSettings scope, CancellationToken cancellationToken)
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
        var linewise = context.Env.Linewise || Ambient.Frame is { Linewise: true };
        Action<string>? Partial(OutputKind kind) =>
            linewise ? null : text => OutputGroups.Write(context, scope, new OutputEvent(kind, LocalHost, text) { Partial = true });
        var stdout = new LineSplitter(line => Write(OutputKind.Stdout, line), Partial(OutputKind.Stdout))
        {
            Capture = new(),
            OnLines = lines => OutputGroups.WriteLines(context, scope, OutputKind.Stdout, LocalHost, lines),
        };
        var stderr = new LineSplitter(line => Write(OutputKind.Stderr, line), Partial(OutputKind.Stderr))
        {
            Capture = new(),
            OnLines = lines => OutputGroups.WriteLines(context, scope, OutputKind.Stderr, LocalHost, lines),
        };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new AbortException($"local '{command}' could not start: {e.Message}", e);
        }

        process.StandardInput.Close();
        var readOut = Pump(process.StandardOutput.BaseStream, stdout);
        var readErr = Pump(process.StandardError.BaseStream, stderr);
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
        return new CommandResult
        {
            Kind = "local",
            Command = command,
            ExecutedCommand = "/bin/bash -c " + command,
            StdoutCapture = stdout.Capture,
            StderrCapture = stderr.Capture,
            ExitCode = process.ExitCode,
        };
    }

    /// <summary>The full path of <paramref name="program"/> on this machine's <c>PATH</c>, or null when it is not there.</summary>
    public static string? Find(string program)
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var path = System.IO.Path.Combine(folder, program);
            if (File.Exists(path) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0))
            {
                return path;
            }
        }

        return null;
    }

    private static async Task Pump(Stream stream, LineSplitter lines)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            lines.Feed(buffer.AsSpan(0, read));
            lines.ShowPending();
        }

        lines.Complete();
    }
}
