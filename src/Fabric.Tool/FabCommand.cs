using System.Collections.Immutable;
using Fabric.Engine;
using Fabric.Engine.Execution;
using Fabric.Engine.Hosts;
using Fabric.Engine.Output;
using Fabric.Engine.Ssh;
using Fabric.Engine.Tasks;
using Fabric.Engine.Transport.SshNet;
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

        var groups = OutputGroupsOf(request);
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
        var descriptions = request.List || request.Display is not null ? XmlDocumentation.Load(fabfile.XmlDocumentationPath) : null;
        var table = TaskDiscovery.Discover(fabfile.Assembly, descriptions);
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
            var task = table.Find(name) ?? throw new FabricUsageException(RunPlanner.UnknownTask(table, name, CommandLineSettingNames.Instance));
            TaskDisplayPrinter.Print(task, stdout);
            return ExitCodes.Ok;
        }

        return await RunAsync(request, fabfile, table, groups).ConfigureAwait(false);
    }

    /// <summary>
    /// Plans the requested tasks, runs the fabfile's setup, then runs the plan (or, under <c>--dry-run</c>, prints it) and
    /// the run summary.
    /// </summary>
    private async Task<int> RunAsync(FabRequest request, LoadedFabfile fabfile, TaskTable table, ImmutableDictionary<string, bool> groups)
    {
        HostString.Validate(("-H", request.Hosts), ("-x", request.ExcludeHosts));
        var plan = RunPlanner.Plan(table, request.Tasks, CommandLineSettingNames.Instance);
        RunPlanner.CheckAttributeHosts(plan);

        var context = new RunContext(output)
        {
            TransferProgress = TerminalTransferProgress.For(terminal),
            Cancellation = cancellation,
            OutputGroups = groups,
            Ssh = SshOptionsOf(request),
            SecretPrompt = ConsoleSecretPrompt.ForThisConsole(terminal),
            Terminal = ConsoleTerminal.ForThisConsole(terminal),
            Tasks = table,
            Progress = terminal is { IsInteractive: true } ? new ParallelProgressLine(terminal) : null,
            Shard = request.Shard,
            SettingNames = CommandLineSettingNames.Instance,
        };
        Configure(context.Env, request);
        context.Env.FabfileDirectory = fabfile.Directory;
        using (Ambient.Enter(context))
        {
            try
            {
                FabfileSetup.Run(fabfile.Assembly);
            }
            catch (AbortException e)
            {
                OutputGroups.Write(context, ScopeSettings.None, RunEndingLine.Aborting(e.Message));
                return WriteResults(request, ExitCodes.Aborted, []);
            }

            HostString.Validate(("Env.Hosts", context.Env.Hosts), ("Env.ExcludeHosts", context.Env.ExcludeHosts));

            RunPlanner.CheckRoles(plan, context.Env.Roles, context.Env.RoleDefs);
            if (request.DryRun)
            {
                DryRunPrinter.Print(RunPreview.Of(plan, context.Env), stdout, request.Shard);
                return ExitCodes.Ok;
            }
        }

        var outcome = await new Runner(context).RunAsync(plan, ended => OutputGroups.Write(context, ScopeSettings.None, RunEndingLine.Of(ended))).ConfigureAwait(false);
        var exitCode = ExitCodes.Of(outcome);
        terminal?.Dispose();
        PrintSummary(context.Summary.Rows);

        return WriteResults(request, exitCode, context.Summary.Rows);
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

    private static void Configure(EnvState env, FabRequest request)
    {
        env.Hosts = [.. request.Hosts];
        env.Roles = [.. request.Roles];
        env.ExcludeHosts = [.. request.ExcludeHosts];
        env.WarnOnly = request.WarnOnly;
        env.Linewise = request.Linewise;
        env.AlwaysUsePty = request.Pty;
        (env.Parallel, env.PoolSize, env.SkipBadHosts) = (request.Parallel, request.PoolSize, request.SkipBadHosts);
        env.Gateway = request.Gateway;
        if (request.Shell is { } shell)
        {
            env.Shell = shell;
        }

        if (request.User is { } user)
        {
            env.User = user;
        }

        if (request.Port is { } port)
        {
            env.Port = port;
        }

        env.AbortOnPrompts = request.AbortOnPrompts;
        foreach (var (key, value) in request.Settings)
        {
            env.Values[key] = value;
            env.CommandLineValues[key] = value;
        }
    }

    private static SshOptions SshOptionsOf(FabRequest request)
    {
        if (request.KexAlgorithms is { } kex && KeyExchangeOrder.Problem(kex) is { } kexProblem)
        {
            throw new FabricUsageException("--kex-algorithms: " + kexProblem);
        }

        foreach (var file in request.KeyFiles)
        {
            if (KeyRing.Problem(file, CommandLineSettingNames.Instance) is { } problem)
            {
                throw new FabricUsageException(problem);
            }
        }

        if (request.SshConfigPath is { } config && !File.Exists(config))
        {
            throw new FabricUsageException($"ssh config file '{config}' (--ssh-config-path) does not exist.");
        }

        var defaults = new SshOptions();
        return defaults with
        {
            KeyFiles = [.. request.KeyFiles.Select(Path.GetFullPath)],
            Password = request.Password,
            KexAlgorithms = request.KexAlgorithms,
            ConnectTimeout = request.ConnectTimeout ?? defaults.ConnectTimeout,
            ConnectTimeoutGiven = request.ConnectTimeout is not null,
            SshConfigFile = request.SshConfigPath is { } path ? Path.GetFullPath(path) : null,
            UseAgent = !request.NoAgent,
            CommandTimeout = request.CommandTimeout,
            ConnectionAttempts = request.ConnectionAttempts ?? defaults.ConnectionAttempts,
            KnownHostsFile = request.KnownHostsFile is { } knownHosts ? Path.GetFullPath(knownHosts) : null,
            RejectUnknownHosts = request.RejectUnknownHosts,
            DisableKnownHosts = request.DisableKnownHosts,
        };
    }

    private static ImmutableDictionary<string, bool> OutputGroupsOf(FabRequest request) =>
        OutputGroups.FromCommandLine(request.Hide, request.Show);

    internal static string VersionText()
    {
        static string VersionOf(Type type) =>
            type.Assembly.GetName().Version?.ToString(3) ?? "?";

        return $"dotnet-fab {VersionOf(typeof(FabCommand))} (Fabric {VersionOf(typeof(Api))}, SSH.NET {Fabric.Engine.Transport.SshNet.SshNetVersion.Text}, .NET {System.Environment.Version})";
    }
}
