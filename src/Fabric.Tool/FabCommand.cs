using System.Collections.Immutable;
using Fabric.Engine;
using Fabric.Engine.Execution;
using Fabric.Engine.Hosts;
using Fabric.Engine.Output;
using Fabric.Engine.Ssh;
using Fabric.Engine.Tasks;
using Fabric.Tool.CommandLine;
using Fabric.Tool.Console;
using Fabric.Tool.Fabfiles;
using Fabric.Tool.Listing;
using Serilog;

namespace Fabric.Tool;

/// <summary>
/// What <c>dotnet fab</c> does with a parsed request: load the fabfile, list or display, or check the
/// whole command line, run the fabfile's setup, and hand the plan to the engine's runner.
/// </summary>
internal sealed class FabCommand(ILogger logger, TextWriter stdout, CancellationToken cancellation)
{
    public async Task<int> ExecuteAsync(FabRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Help)
        {
            stdout.WriteLine(CommandLineParser.HelpText().TrimEnd());
            return ExitCodes.Ok;
        }

        if (request.Version)
        {
            stdout.WriteLine(VersionText());
            return ExitCodes.Ok;
        }

        var groups = OutputGroupsOf(request);
        var build = await FabfileLoader.BuildAsync(request.Fabfile, Directory.GetCurrentDirectory(), System.Console.Error, cancellation).ConfigureAwait(false);
        if (request.List && TaskListCache.TryRead(build) is { } cachedList)
        {
            stdout.Write(cachedList);
            return ExitCodes.Ok;
        }

        var fabfile = FabfileLoader.LoadBuilt(build.AssemblyPath, build.ProjectPath, build.Built);
        var table = TaskDiscovery.Discover(fabfile.Assembly, XmlDocumentation.Load(fabfile.XmlDocumentationPath));
        if (request.List)
        {
            using var list = new StringWriter();
            TaskListPrinter.Print(table, list);
            TaskListCache.Write(build, list.ToString());
            stdout.Write(list.ToString());
            return ExitCodes.Ok;
        }

        if (request.Display is { } name)
        {
            var task = table.Find(name) ?? throw new FabricUsageException(RunPlanner.UnknownTask(table, name));
            TaskDisplayPrinter.Print(task, stdout);
            return ExitCodes.Ok;
        }

        foreach (var host in request.Hosts.Concat(request.ExcludeHosts))
        {
            HostString.Parse(host);
        }

        var plan = RunPlanner.Plan(table, request.Tasks);
        RunPlanner.CheckAttributeHosts(plan);

        var context = new RunContext(new SerilogOutputSink(logger))
        {
            Cancellation = cancellation,
            OutputGroups = groups,
            Ssh = SshOptionsOf(request),
            SecretPrompt = ConsoleSecretPrompt.ForThisConsole(),
            Tasks = table,
        };
        Configure(context.Env, request);
        using (Ambient.Enter(context))
        {
            FabfileSetup.Run(fabfile.Assembly);
            foreach (var host in context.Env.Hosts.Concat(context.Env.ExcludeHosts))
            {
                HostString.Parse(host);
            }

            RunPlanner.CheckRoles(plan, context.Env.Roles, context.Env.RoleDefs);
        }

        return await new Runner(context).RunAsync(plan).ConfigureAwait(false);
    }

    private static void Configure(EnvState env, FabRequest request)
    {
        env.Hosts = [.. request.Hosts];
        env.Roles = [.. request.Roles];
        env.ExcludeHosts = [.. request.ExcludeHosts];
        env.WarnOnly = request.WarnOnly;
        (env.Parallel, env.PoolSize, env.SkipBadHosts) = (request.Parallel, request.PoolSize, request.SkipBadHosts);
        env.User = request.User ?? env.User;
        env.Port = request.Port ?? env.Port;
        foreach (var (key, value) in request.Settings)
        {
            env.Values[key] = value;
        }
    }

    private static SshOptions SshOptionsOf(FabRequest request)
    {
        foreach (var file in request.KeyFiles.Where(f => !File.Exists(f)))
        {
            throw new FabricUsageException($"Key file '{file}' (-i) does not exist.");
        }

        var defaults = new SshOptions();
        return defaults with
        {
            KeyFiles = [.. request.KeyFiles.Select(Path.GetFullPath)],
            Password = request.Password,
            ConnectTimeout = request.ConnectTimeout ?? defaults.ConnectTimeout,
            CommandTimeout = request.CommandTimeout,
            ConnectionAttempts = request.ConnectionAttempts ?? defaults.ConnectionAttempts,
            KnownHostsFile = request.KnownHostsFile is { } knownHosts ? Path.GetFullPath(knownHosts) : null,
            RejectUnknownHosts = request.RejectUnknownHosts,
            DisableKnownHosts = request.DisableKnownHosts,
        };
    }

    private static ImmutableDictionary<string, bool> OutputGroupsOf(FabRequest request)
    {
        try
        {
            return OutputGroups.FromCommandLine(request.Hide, request.Show);
        }
        catch (ArgumentException e)
        {
            throw new FabricUsageException(e.Message, e);
        }
    }

    internal static string VersionText()
    {
        static string VersionOf(Type type) =>
            type.Assembly.GetName().Version?.ToString(3) ?? "?";

        return $"dotnet-fab {VersionOf(typeof(FabCommand))} (Fabric {VersionOf(typeof(Api))}, SSH.NET {VersionOf(typeof(Renci.SshNet.SshClient))}, .NET {System.Environment.Version})";
    }
}
