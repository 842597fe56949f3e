using System.Collections.Immutable;
using Fabric.Engine;
using Fabric.Engine.Execution;
using Fabric.Engine.Hosts;
using Fabric.Engine.Output;
using Fabric.Engine.Ssh;
using Fabric.Engine.Tasks;
using Fabric.Tool.CommandLine;
using Fabric.Tool.Completion;
using Fabric.Tool.Console;
using Fabric.Tool.Fabfiles;
using Fabric.Tool.Listing;

namespace Fabric.Tool;

/// <summary>
/// What <c>dotnet fab</c> does with a parsed request: load the fabfile, list or display, or check the
/// whole command line, run the fabfile's setup, and hand the plan to the engine's runner. On an interactive
/// <paramref name="terminal"/>, parallel tasks show a live status line, erased before the run summary. The engine's
/// output goes to <paramref name="output"/>, the tool's own messages to <paramref name="console"/> (in the tool, both
/// are the one <see cref="ConsoleRenderer"/>).
/// </summary>
internal sealed class FabCommand(ConsoleRenderer console, IOutputSink output, TextWriter stdout, CancellationToken cancellation, TerminalStatusLine? terminal = null)
{
    public async Task<int> ExecuteAsync(FabRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Help)
        {
            stdout.WriteLine(CommandLineParser.HelpText().TrimEnd());
            return ExitCodes.Ok;
        }

        if (request.Completion is { } shell)
        {
            stdout.Write(CompletionScript.For(shell, CommandLineParser.OptionNames()));
            return ExitCodes.Ok;
        }

        if (request.Version)
        {
            stdout.WriteLine(VersionText());
            return ExitCodes.Ok;
        }

        if (request.MergeResults)
        {
            var merged = ResultsFile.Merge(request.Tasks);
            PrintSummary(merged.Rows);
            return merged.ExitCode;
        }

        // An unknown output group is bad input: said before the fabfile is built.
        FabricRunner.Shows(OutputKind.Status, request.Hide, request.Show);
        var build = await FabfileLoader.BuildAsync(request.Fabfile, Directory.GetCurrentDirectory(), console.BuildStatus, cancellation).ConfigureAwait(false);
        if (request.List && TaskListCache.TryRead(build, request.ListFormat) is { } cachedList)
        {
            stdout.Write(cachedList);
            return ExitCodes.Ok;
        }

        var loading = System.Diagnostics.Stopwatch.StartNew();
        var fabfile = FabfileLoader.LoadBuilt(build.AssemblyPath, build.ProjectPath, build.Built);
        console.Debug($"Loaded fabfile {fabfile.AssemblyPath} ({(build.Built ? "built just now" : "up to date")}) in {loading.ElapsedMilliseconds} ms.");
        // Descriptions are for --list and --display only: a run does not read (nor pay for parsing) the XML documentation.
        var table = FabricRunner.Discover(fabfile.Assembly, request.List || request.Display is not null ? fabfile.XmlDocumentationPath : null);
        if (request.List)
        {
            using var list = new StringWriter();
            TaskListPrinter.Print(table, list, request.ListFormat);
            TaskListCache.Write(build, request.ListFormat, list.ToString());
            stdout.Write(list.ToString());
            return ExitCodes.Ok;
        }

        if (request.Display is { } name)
        {
            var task = table.Find(name) ?? throw new FabricUsageException(FabricRunner.UnknownTask(table, name, CommandLineSettingNames.Instance));
            TaskDisplayPrinter.Print(task, stdout);
            return ExitCodes.Ok;
        }

        return await RunAsync(request, fabfile, table).ConfigureAwait(false);
    }

    /// <summary>
    /// Hands the request to the library's runner (which checks it, runs the fabfile's setup, then the tasks), and renders
    /// what it returns: the dry run's plan, or the closing line, the run summary and the exit code.
    /// </summary>
    private async Task<int> RunAsync(FabRequest request, LoadedFabfile fabfile, TaskTable table)
    {
        HostString.Validate(("-H", request.Hosts), ("-x", request.ExcludeHosts));
        var runner = new FabricRunner(table, output)
        {
            SetupAssembly = fabfile.Assembly,
            SettingNames = CommandLineSettingNames.Instance,
            TransferProgress = TerminalTransferProgress.For(terminal),
            SecretPrompt = ConsoleSecretPrompt.ForThisConsole(terminal),
            Terminal = ConsoleTerminal.ForThisConsole(terminal),
            Progress = terminal is { IsInteractive: true } ? new ParallelProgressLine(terminal) : null,
        };
        var outcome = await runner.RunAsync(RunRequestOf(request, fabfile.Directory), RunEndingLine.Of, cancellation).ConfigureAwait(false);
        if (outcome.Preview is { } preview)
        {
            DryRunPrinter.Print(preview, stdout, request.Shard);
            return ExitCodes.Ok;
        }

        var exitCode = ExitCodes.Of(outcome);
        if (outcome.Rows.Count > 0)
        {
            terminal?.Dispose();
            PrintSummary(outcome.Rows);
        }

        return WriteResults(request, exitCode, outcome.Rows);
    }

    /// <summary>Under <c>--results-json</c>, writes the run's rows and exit code; returns the exit code.</summary>
    private static int WriteResults(FabRequest request, int exitCode, IReadOnlyList<RunSummary.Row> rows)
    {
        if (request.ResultsJson is { } path)
        {
            ResultsFile.Write(path, new RunResults(exitCode, rows));
        }

        return exitCode;
    }

    /// <summary>The run summary (output group: status), as the console renders it.</summary>
    private void PrintSummary(IReadOnlyList<RunSummary.Row> rows) => console.Summary(rows);

    /// <summary>The library's request for what the command line asks.</summary>
    private static RunRequest RunRequestOf(FabRequest request, string fabfileDirectory) => new()
    {
        Tasks = request.Tasks,
        Hosts = request.Hosts,
        Roles = request.Roles,
        ExcludeHosts = request.ExcludeHosts,
        User = request.User,
        Port = request.Port,
        WarnOnly = request.WarnOnly,
        Parallel = request.Parallel,
        PoolSize = request.PoolSize,
        SkipBadHosts = request.SkipBadHosts,
        AbortOnPrompts = request.AbortOnPrompts,
        Pty = request.Pty,
        Linewise = request.Linewise,
        Shell = request.Shell,
        Gateway = request.Gateway,
        Settings = request.Settings,
        Hide = request.Hide,
        Show = request.Show,
        Password = request.Password,
        KeyFiles = request.KeyFiles,
        UseAgent = !request.NoAgent,
        KexAlgorithms = request.KexAlgorithms,
        ConnectTimeout = request.ConnectTimeout,
        CommandTimeout = request.CommandTimeout,
        ConnectionAttempts = request.ConnectionAttempts,
        KnownHostsFile = request.KnownHostsFile,
        RejectUnknownHosts = request.RejectUnknownHosts,
        DisableKnownHosts = request.DisableKnownHosts,
        SshConfigFile = request.SshConfigPath,
        Shard = request.Shard,
        DryRun = request.DryRun,
        FabfileDirectory = fabfileDirectory,
    };

    internal static string VersionText()
    {
        static string VersionOf(Type type) =>
            type.Assembly.GetName().Version?.ToString(3) ?? "?";

        return $"dotnet-fab {VersionOf(typeof(FabCommand))} (Fabric {VersionOf(typeof(Api))}, SSH.NET {FabricRunner.TransportVersion}, .NET {System.Environment.Version})";
    }
}
