using System.Collections.Immutable;
using System.Reflection;
using Fabric.Engine;
using Fabric.Engine.Execution;
using Fabric.Engine.Hosts;
using Fabric.Engine.Output;
using Fabric.Engine.Remote;
using Fabric.Engine.Ssh;
using Fabric.Engine.Tasks;
using Fabric.Engine.Transport.SshNet;

namespace Fabric;

/// <summary>
/// Runs a task table as <c>dotnet fab</c> does, from any program, loading nothing from disk: given the tasks (types or an
/// assembly already loaded), a <see cref="RunRequest"/> and an output sink, it checks the whole request, runs the
/// fabfile's setup, runs the tasks (or, for a dry run, previews them) and returns a <see cref="RunOutcome"/>: how the run
/// ended and a row per task and host. It prints nothing of its own about the ending and picks no exit code.
/// </summary>
/// <param name="tasks">The task table (<see cref="Discover(Assembly, string?)"/>).</param>
/// <param name="output">Where every output line goes (commands, their output, warnings), as events.</param>
public sealed class FabricRunner(TaskTable tasks, IOutputSink output)
{
    /// <summary>The version of the SSH library connections are made with.</summary>
    public static string TransportVersion => SshNetVersion.Text;

    /// <summary>The task running in the current async flow (a line written from it belongs to it); null: none.</summary>
    public static string? CurrentTask => Ambient.Frame?.TaskName;

    /// <summary>The assembly whose static setup (a static constructor of a task class) runs before the tasks; null: the tasks' own.</summary>
    public Assembly? SetupAssembly { get; init; }

    /// <summary>How messages name a setting the user can change; the library's names by default.</summary>
    public SettingNames SettingNames { get; init; } = SettingNames.Library;

    /// <summary>Asks for passwords and passphrases, and <c>Prompt</c>'s questions; null: nobody to ask (they abort).</summary>
    public ISecretPrompt? SecretPrompt { get; init; }

    /// <summary>The terminal the run was started on, whose typing remote commands get; null: none.</summary>
    public ITerminal? Terminal { get; init; }

    /// <summary>Told how transfers progress; null: not shown.</summary>
    public ITransferProgress? TransferProgress { get; init; }

    /// <summary>Told how parallel tasks progress (hosts started and ended); null: not shown.</summary>
    public IRunProgress? Progress { get; init; }

    /// <summary>The tasks of <paramref name="assembly"/>, described from its XML documentation file when one is given.</summary>
    public static TaskTable Discover(Assembly assembly, string? xmlDocumentationPath = null)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return TaskDiscovery.Discover(assembly, xmlDocumentationPath is null ? null : XmlDocumentation.Load(xmlDocumentationPath));
    }

    /// <summary>The tasks of <paramref name="types"/>: their public methods marked <c>[Task]</c> (or all, when none is).</summary>
    public static TaskTable Discover(params Type[] types) => TaskDiscovery.Discover(types);

    /// <summary>The message for a task name that <paramref name="table"/> does not have, with the nearest names.</summary>
    public static string UnknownTask(TaskTable table, string name, SettingNames? names = null) => RunPlanner.UnknownTask(table, name, names);

    /// <summary>Whether lines of <paramref name="kind"/> are shown when the run hides <paramref name="hide"/> and shows <paramref name="show"/>.</summary>
    /// <exception cref="FabricUsageException">An unknown output group.</exception>
    public static bool Shows(OutputKind kind, IEnumerable<string> hide, IEnumerable<string> show) =>
        OutputGroups.IsShown(kind, ScopeSettings.None, OutputGroups.Of(hide, show));

    /// <summary>
    /// Checks <paramref name="request"/> (task names and arguments, host strings, roles, key files), runs the fabfile's
    /// setup, then runs the tasks, fail fast, and returns how the run ended. <paramref name="closingLine"/>, when given,
    /// makes the line that closes the run (written with the run's secrets masked, before its connections close).
    /// </summary>
    /// <exception cref="FabricUsageException">Bad input, found before anything ran.</exception>
    public async Task<RunOutcome> RunAsync(RunRequest request, Func<RunOutcome, OutputEvent?>? closingLine = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        HostString.Validate(("RunRequest.Hosts", request.Hosts), ("RunRequest.ExcludeHosts", request.ExcludeHosts));
        var plan = RunPlanner.Plan(tasks, request.Tasks, SettingNames);
        RunPlanner.CheckAttributeHosts(plan);
        var context = ContextFor(request, cancellationToken);
        using (Ambient.Enter(context))
        {
            try
            {
                if (SetupAssembly is { } assembly)
                {
                    FabfileSetup.Run(assembly);
                }
                else
                {
                    FabfileSetup.Run(tasks.Tasks.Select(t => t.Method.DeclaringType!).Distinct());
                }
            }
            catch (AbortException e)
            {
                var failed = new RunOutcome(RunEnding.Aborted, e.Message, []);
                Close(context, closingLine, failed);
                return failed;
            }

            HostString.Validate(("Env.Hosts", context.Env.Hosts), ("Env.ExcludeHosts", context.Env.ExcludeHosts));
            RunPlanner.CheckRoles(plan, context.Env.Roles, context.Env.RoleDefs);
            if (request.DryRun)
            {
                return new RunOutcome(RunEnding.Completed, null, []) { Preview = RunPreview.Of(plan, context.Env) };
            }
        }

        return await new Runner(context).RunAsync(plan, ended => Close(context, closingLine, ended)).ConfigureAwait(false);
    }

    private static void Close(RunContext context, Func<RunOutcome, OutputEvent?>? closingLine, RunOutcome outcome)
    {
        if (closingLine?.Invoke(outcome) is { } line)
        {
            OutputGroups.Write(context, ScopeSettings.None, line);
        }
    }

    private RunContext ContextFor(RunRequest request, CancellationToken cancellationToken)
    {
        var context = new RunContext(output)
        {
            TransferProgress = TransferProgress,
            Cancellation = cancellationToken,
            OutputGroups = OutputGroups.Of(request.Hide, request.Show),
            Ssh = SshOptionsOf(request),
            SecretPrompt = SecretPrompt,
            Terminal = Terminal,
            Tasks = tasks,
            Progress = Progress,
            Shard = request.Shard ?? HostShard.All,
            SettingNames = SettingNames,
        };
        Configure(context.Env, request);
        return context;
    }

    private static void Configure(EnvState env, RunRequest request)
    {
        env.Hosts = [.. request.Hosts];
        env.Roles = [.. request.Roles];
        env.ExcludeHosts = [.. request.ExcludeHosts];
        env.WarnOnly = request.WarnOnly;
        env.Linewise = request.Linewise;
        env.AlwaysUsePty = request.Pty;
        (env.Parallel, env.PoolSize, env.SkipBadHosts) = (request.Parallel, request.PoolSize, request.SkipBadHosts);
        env.Gateway = request.Gateway;
        env.Shell = request.Shell ?? env.Shell;
        if (request.User is { } user)
        {
            env.User = user;
        }

        if (request.Port is { } port)
        {
            env.Port = port;
        }

        env.AbortOnPrompts = request.AbortOnPrompts;
        env.FabfileDirectory = request.FabfileDirectory ?? env.FabfileDirectory;
        foreach (var (key, value) in request.Settings)
        {
            env.Values[key] = value;
            env.CommandLineValues[key] = value;
        }
    }

    private SshOptions SshOptionsOf(RunRequest request)
    {
        if (request.KexAlgorithms is { } kex && KeyExchangeOrder.Problem(kex) is { } kexProblem)
        {
            throw new FabricUsageException($"{SettingNames.Name(Setting.KexAlgorithms)}: {kexProblem}");
        }

        foreach (var file in request.KeyFiles)
        {
            if (KeyRing.Problem(file, SettingNames) is { } problem)
            {
                throw new FabricUsageException(problem);
            }
        }

        if (request.SshConfigFile is { } config && !File.Exists(config))
        {
            throw new FabricUsageException($"ssh config file '{config}' ({SettingNames.Name(Setting.SshConfigFile)}) does not exist.");
        }

        var defaults = new SshOptions();
        return defaults with
        {
            KeyFiles = [.. request.KeyFiles.Select(Path.GetFullPath)],
            Password = request.Password,
            KexAlgorithms = request.KexAlgorithms,
            ConnectTimeout = request.ConnectTimeout ?? defaults.ConnectTimeout,
            ConnectTimeoutGiven = request.ConnectTimeout is not null,
            SshConfigFile = request.SshConfigFile is { } path ? Path.GetFullPath(path) : null,
            UseAgent = request.UseAgent,
            CommandTimeout = request.CommandTimeout,
            ConnectionAttempts = request.ConnectionAttempts ?? defaults.ConnectionAttempts,
            KnownHostsFile = request.KnownHostsFile is { } knownHosts ? Path.GetFullPath(knownHosts) : null,
            RejectUnknownHosts = request.RejectUnknownHosts,
            DisableKnownHosts = request.DisableKnownHosts,
        };
    }
}
