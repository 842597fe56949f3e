using Fabric.Engine;
using Fabric.Tool.CommandLine;
using Fabric.Tool.Console;

namespace Fabric.Tool;

/// <summary>
/// <c>dotnet fab</c>: parses the command line, hands the request to <see cref="FabCommand"/>, and maps the
/// outcome to an exit code. Expected failures print one message, never a stack trace
/// (unless <c>--show debug</c>).
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        FabRequest request;
        try
        {
            request = CommandLineParser.Parse(args);
        }
        catch (FabricUsageException e)
        {
            using var plain = ConsoleRenderer.Plain();
            plain.Error("Error: " + e.Message);
            return ExitCodes.Usage;
        }

        using var terminal = TerminalStatusLine.ForThisConsole();
        System.Console.SetOut(new TerminalWriter(terminal));
        using var console = new ConsoleRenderer(terminal, LogFile.Open(request.LogFile, request.LogFormat), ConsoleSettings.ForThisConsole(request.Hide, request.Show));
        using var interrupt = new Interrupt(terminal);
        try
        {
            return await new FabCommand(console, console, System.Console.Out, interrupt.Token, terminal).ExecuteAsync(request).ConfigureAwait(false);
        }
        catch (FabricUsageException e)
        {
            console.Error("Error: " + e.Message);
            Trace(console, e);
            return Recorded(request, ExitCodes.Usage);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            console.Error($"Fatal error: dotnet fab failed unexpectedly: {e.GetType().Name}: {e.Message}");
            if (!console.ShowsDebug)
            {
                console.Error("Run again with --show debug for the full trace, and please report it.");
            }

            Trace(console, e);
            return Recorded(request, ExitCodes.Aborted);
        }
    }

    /// <summary>A run that stopped before its summary still leaves its results file (no rows), so merging shards sees it.</summary>
    private static int Recorded(FabRequest request, int exitCode)
    {
        if (request.ResultsJson is { } path && !request.MergeResults)
        {
            try
            {
                ResultsFile.Write(path, new RunResults(exitCode, []));
            }
            catch (IOException)
            {
                // The error already printed is the one to see.
            }
        }

        return exitCode;
    }

    /// <summary>The exception's trace: on the console with <c>--show debug</c>, and always in the log file.</summary>
    private static void Trace(ConsoleRenderer console, Exception e) => console.Debug(e.ToString());

    /// <summary>Ctrl-C: the first cancels the run (exit 130 once it has stopped); a second exits at once, with what was printed.</summary>
    private sealed class Interrupt : IDisposable
    {
        private readonly CancellationTokenSource _source = new();
        private readonly TerminalStatusLine _terminal;

        public Interrupt(TerminalStatusLine terminal)
        {
            _terminal = terminal;
            System.Console.CancelKeyPress += OnCancel;
        }

        public CancellationToken Token => _source.Token;

        public void Dispose()
        {
            System.Console.CancelKeyPress -= OnCancel;
            _source.Dispose();
        }

        private void OnCancel(object? sender, ConsoleCancelEventArgs e)
        {
            if (_source.IsCancellationRequested)
            {
                _terminal.TryFlush(TimeSpan.FromMilliseconds(100));
                System.Environment.Exit(ExitCodes.Interrupted);
            }

            e.Cancel = true;
            _source.Cancel();
        }
    }
}
