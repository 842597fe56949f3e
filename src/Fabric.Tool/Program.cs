using Fabric.Engine;
using Fabric.Tool.CommandLine;
using Fabric.Tool.Console;

namespace Fabric.Tool;

/// <summary>
/// <c>dotnet fab</c>: parses the command line, hands the request to <see cref="FabCommand"/>, and maps the
/// outcome to an exit code (SPEC §11). Expected failures print one message, never a stack trace
/// (unless <c>--show debug</c>).
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var logger = ConsoleLogger.Create();
        using var interrupt = new Interrupt();
        FabRequest? request = null;
        try
        {
            request = CommandLineParser.Parse(args);
            return await new FabCommand(logger, System.Console.Out, interrupt.Token).ExecuteAsync(request).ConfigureAwait(false);
        }
        catch (FabricUsageException e)
        {
            logger.Error("{Line:l}", "Error: " + e.Message);
            if (ShowsDebug(request))
            {
                logger.Error("{Line:l}", e.ToString());
            }

            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.Error("{Line:l}", $"Fatal error: dotnet fab failed unexpectedly: {e.GetType().Name}: {e.Message}");
            logger.Error("{Line:l}", ShowsDebug(request) ? e.ToString() : "Run again with --show debug for the full trace, and please report it.");
            return ExitCodes.Aborted;
        }
        finally
        {
            (logger as IDisposable)?.Dispose();
        }
    }

    private static bool ShowsDebug(FabRequest? request) =>
        request?.Show.Contains("debug", StringComparer.OrdinalIgnoreCase) == true;

    /// <summary>Ctrl-C: the first cancels the run (exit 130 once it has stopped); a second exits at once.</summary>
    private sealed class Interrupt : IDisposable
    {
        private readonly CancellationTokenSource _source = new();

        public Interrupt() => System.Console.CancelKeyPress += OnCancel;

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
                System.Environment.Exit(ExitCodes.Interrupted);
            }

            e.Cancel = true;
            _source.Cancel();
        }
    }
}
