using System.Diagnostics;
using Fabric.Engine.Execution;
using Fabric.Engine.Output;
using Fabric.Engine.Ssh;

namespace Fabric.Engine.Local;

/// <summary>
/// Runs <c>Local</c> commands: <c>/bin/bash -c</c>, output streamed line by line (and, unless <c>Env.Linewise</c> or in a
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
        OutputGroups.Write(context, scope, new OutputEvent(OutputKind.Command, LocalHost, "local: " + command));

        using var process = new Process { StartInfo = StartInfo(command, scope) };
        var linewise = context.Env.Linewise || Ambient.Frame is { Linewise: true };
        var stdout = Splitter(context, scope, OutputKind.Stdout, linewise);
        var stderr = Splitter(context, scope, OutputKind.Stderr, linewise);
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

    private static ProcessStartInfo StartInfo(string command, ScopeSettings scope)
    {
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
        return start;
    }

    /// <summary>One output stream's lines, shown as they come (the start of a line too, unless <paramref name="linewise"/>) and captured.</summary>
    private static LineSplitter Splitter(RunContext context, ScopeSettings scope, OutputKind kind, bool linewise) =>
        new(
            line => OutputGroups.Write(context, scope, new OutputEvent(kind, LocalHost, line)),
            linewise ? null : text => OutputGroups.Write(context, scope, new OutputEvent(kind, LocalHost, text) { Partial = true }))
        {
            Capture = new(),
            OnLines = lines => OutputGroups.WriteLines(context, scope, kind, LocalHost, lines),
        };

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
