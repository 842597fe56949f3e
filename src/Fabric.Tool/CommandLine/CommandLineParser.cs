using Fabric.Engine;
using Fabric.Engine.Hosts;
using Fabric.Tool.Console;
using Fabric.Tool.Listing;
using McMaster.Extensions.CommandLineUtils;

namespace Fabric.Tool.CommandLine;

/// <summary>Turns <c>dotnet fab</c>'s arguments into a <see cref="FabRequest"/> (McMaster.Extensions.CommandLineUtils).</summary>
internal static class CommandLineParser
{
    /// <summary>Parses the arguments.</summary>
    /// <exception cref="FabricUsageException">An unknown option, a missing or malformed value.</exception>
    public static FabRequest Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var app = Build(out var o);
        var (options, tasks) = Partition(app, args);
        try
        {
            app.Parse([.. options]);
        }
        catch (CommandParsingException e)
        {
            throw new FabricUsageException(e.Message + " 'dotnet fab --help' lists the options.");
        }

        if (o.ForwardAgent.HasValue())
        {
            throw new FabricUsageException("Agent forwarding (-A/--forward-agent) is not supported: SSH.NET cannot accept the server's agent channels. Use a deploy key on the server, or run the command with 'ssh -A' through Local().");
        }

        return new FabRequest
        {
            Tasks = tasks,
            Help = o.Help.HasValue(),
            Version = o.Version.HasValue(),
            Completion = o.Completion.Value(),
            List = o.List.HasValue() || o.ListFormat.HasValue(),
            ListFormat = o.ListFormat.HasValue() ? ParseListFormat(o.ListFormat.Value()!) : ListFormat.Normal,
            Display = o.Display.Value(),
            DryRun = o.DryRun.HasValue(),
            Shard = o.Shard.HasValue() ? ShardOption.Parse(o.Shard.Value()!) : HostShard.All,
            ResultsJson = o.ResultsJson.Value() is { } results ? ResultsPath(results) : null,
            MergeResults = o.MergeResults.HasValue(),
            Fabfile = o.Fabfile.Value(),
            Hosts = SplitHosts("-H", o.Hosts),
            Roles = SplitList(o.Roles),
            ExcludeHosts = SplitHosts("-x", o.Exclude),
            User = o.User.Value(),
            Port = o.Port.HasValue() ? ParsePort(o.Port.Value()!) : null,
            WarnOnly = o.WarnOnly.HasValue(),
            Parallel = o.Parallel.HasValue(),
            PoolSize = o.PoolSize.HasValue() ? ParseCount("--pool-size", o.PoolSize.Value()!) : null,
            SkipBadHosts = o.SkipBadHosts.HasValue(),
            AbortOnPrompts = o.AbortOnPrompts.HasValue(),
            Linewise = o.Linewise.HasValue(),
            Pty = o.Pty.HasValue(),
            Shell = o.Shell.Value(),
            Settings = [.. o.Set.Values.SelectMany(v => (v ?? "").Split(',')).Where(s => s.Length > 0).Select(ParseSetting)],
            Hide = SplitList(o.Hide),
            Show = SplitList(o.Show),
            LogFile = o.LogFile.Value() is { } logFile ? Path.GetFullPath(logFile) : null,
            LogFormat = ParseLogFormat(o.LogFormat.Value()),
            Password = o.Password.Value(),
            KexAlgorithms = o.KexAlgorithms.Value(),
            KeyFiles = [.. o.KeyFiles.Values.OfType<string>()],
            ConnectTimeout = o.Timeout.HasValue() ? ParseSeconds("--timeout", o.Timeout.Value()!) : null,
            CommandTimeout = o.CommandTimeout.HasValue() ? ParseSeconds("--command-timeout", o.CommandTimeout.Value()!) : null,
            ConnectionAttempts = o.ConnectionAttempts.HasValue() ? ParseCount("--connection-attempts", o.ConnectionAttempts.Value()!) : null,
            KnownHostsFile = o.KnownHosts.Value(),
            RejectUnknownHosts = o.RejectUnknownHosts.HasValue(),
            DisableKnownHosts = o.DisableKnownHosts.HasValue(),
            SshConfigPath = o.SshConfigPath.Value(),
            NoAgent = o.NoAgent.HasValue(),
            Gateway = o.Gateway.Value(),
        };
    }

    private static LogFileFormat ParseLogFormat(string? value) => value switch
    {
        null or "text" => LogFileFormat.Text,
        "json" => LogFileFormat.Json,
        var other => throw new FabricUsageException($"Invalid --log-format '{other}': use text or json."),
    };

    /// <summary>
    /// Splits the arguments into options (with their values) and task tokens, so options may come before, between
    /// or after tasks, as with Fabric's <c>fab</c>. After <c>--</c> everything is a task token.
    /// </summary>
    private static (List<string> Options, List<string> Tasks) Partition(CommandLineApplication app, string[] args)
    {
        var options = new List<string>();
        var tasks = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                tasks.AddRange(args[(i + 1)..]);
                break;
            }

            if (!arg.StartsWith('-') || arg.Length == 1)
            {
                tasks.Add(arg);
                continue;
            }

            var name = arg.TrimStart('-').Split('=', ':')[0];
            var isLong = arg.StartsWith("--", StringComparison.Ordinal);
            var option = app.Options.FirstOrDefault(o => isLong ? o.LongName == name : o.ShortName == name || o.SymbolName == name)
                ?? throw new FabricUsageException($"Unknown option '{arg}'. 'dotnet fab --help' lists the options.");
            options.Add(arg);
            var hasInlineValue = arg.Length > name.Length + (isLong ? 2 : 1);
            if (option.OptionType != CommandOptionType.NoValue && !hasInlineValue && i + 1 < args.Length)
            {
                options.Add(args[++i]);
            }
        }

        return (options, tasks);
    }

    /// <summary>Every option as it is typed (<c>-H</c>, <c>--hosts</c>, …), for completion scripts.</summary>
    public static IReadOnlyList<string> OptionNames() =>
        [.. Build(out _).Options.SelectMany(o => new[] { o.ShortName is { } s ? "-" + s : null, o.LongName is { } l ? "--" + l : null }).OfType<string>()];

    /// <summary>The text of <c>--help</c>.</summary>
    public static string HelpText() => Build(out _).GetHelpText();

    private static CommandLineApplication Build(out ParsedOptions options)
    {
        var app = new CommandLineApplication(throwOnUnexpectedArg: false)
        {
            Name = "dotnet fab",
            FullName = "Fabric for .NET",
            Description = "Runs tasks from a C# fabfile, in order, on each host of their host lists.",
            ExtendedHelpText = """

                Tasks:
                  task[:args]   args are comma-separated: positional values, or name=value.
                                \, \= \: are literal. Per-task hosts: task:hosts=a;b,roles=r,exclude_hosts=c
                Examples:
                  dotnet fab --list
                  dotnet fab -H web1,web2 deploy:branch=main,restart=false
                  dotnet fab -P --shard 2/3 --results-json part2.json deploy   (one of three machines)
                  dotnet fab --merge-results part1.json part2.json part3.json
                """,
        };
        options = new ParsedOptions
        {
            List = app.Option("-l|--list", "List the tasks and exit.", CommandOptionType.NoValue),
            ListFormat = app.Option("-F|--list-format <FORMAT>", "How --list prints: normal, short (names only), nested, json. Implies --list.", CommandOptionType.SingleValue),
            Display = app.Option("-d|--display <TASK>", "Show one task: description, parameters, hosts, roles.", CommandOptionType.SingleValue),
            DryRun = app.Option("--dry-run", "Show which task would run on which hosts, in order, with which arguments; run nothing, connect nowhere.", CommandOptionType.NoValue),
            Shard = app.Option("--shard <K/N>", "Run only slice K of N of every task's host list (N runs with K = 1..N run each host once; tasks with no hosts and [RunsOnce] tasks run in slice 1).", CommandOptionType.SingleValue),
            ResultsJson = app.Option("--results-json <FILE>", "At the end, write each task and host's outcome (status, duration, error) and the exit code to FILE as JSON.", CommandOptionType.SingleValue),
            MergeResults = app.Option("--merge-results", "Print the combined summary of the --results-json files given instead of tasks (e.g. of all shards), and exit as the whole run would have.", CommandOptionType.NoValue),
            Fabfile = app.Option("-f|--fabfile <PATH>", "The fabfile: a folder, a .cs file, a .csproj or a built .dll (default: ./fabfile.cs, ./fabfile/, ./fabfile.csproj, or a parent's).", CommandOptionType.SingleValue),
            Hosts = app.Option("-H|--hosts <HOSTS>", "Comma-separated hosts: the initial Env.Hosts.", CommandOptionType.MultipleValue),
            Roles = app.Option("-R|--roles <ROLES>", "Comma-separated roles: the initial Env.Roles.", CommandOptionType.MultipleValue),
            Exclude = app.Option("-x|--exclude-hosts <HOSTS>", "Comma-separated hosts removed from every task's host list.", CommandOptionType.MultipleValue),
            User = app.Option("-u|--user <USER>", "User for host strings that name none (default: the local user).", CommandOptionType.SingleValue),
            Port = app.Option("--port <PORT>", "Port for host strings that name none (default: 22).", CommandOptionType.SingleValue),
            WarnOnly = app.Option("-w|--warn-only", "A failed command warns instead of aborting.", CommandOptionType.NoValue),
            Parallel = app.Option("-P|--parallel", "Run tasks on their hosts in parallel (not those marked [Serial]).", CommandOptionType.NoValue),
            PoolSize = app.Option("-z|--pool-size <N>", "Hosts a parallel task runs on at once (default: all; a task's [Parallel(PoolSize = n)] wins).", CommandOptionType.SingleValue),
            SkipBadHosts = app.Option("--skip-bad-hosts", "Report and skip hosts that cannot be reached instead of aborting.", CommandOptionType.NoValue),
            Pty = app.Option("--pty", "Run every remote command on a pseudo-terminal (Env.AlwaysUsePty): interactive programs and requiretty sudoers work; stderr then comes with stdout.", CommandOptionType.NoValue),
            Linewise = app.Option("--linewise", "Show remote output whole lines at a time (default in serial runs: a line's start as it comes, so a prompt shows; parallel runs are always line by line).", CommandOptionType.NoValue),
            Shell = app.Option("--shell <SHELL>", "The shell remote commands run in, the command added as one quoted argument: the initial Env.Shell (default: \"/bin/bash -l -c\"; on hosts without bash: --shell \"/bin/sh -c\").", CommandOptionType.SingleValue),
            Set = app.Option("--set <SETTINGS>", "Comma-separated key=value pairs for Env[\"key\"]; also the answer to a Prompt(..., key: \"key\").", CommandOptionType.MultipleValue),
            AbortOnPrompts = app.Option("--abort-on-prompts", "Never ask: a Prompt or Confirm aborts naming its question (exit 1), passwords are not asked (Env.AbortOnPrompts). Without a terminal prompts abort anyway.", CommandOptionType.NoValue),
            Hide = app.Option("--hide <GROUPS>", "Hide output groups: running, stdout, stderr, status, warnings, everything.", CommandOptionType.MultipleValue),
            Show = app.Option("--show <GROUPS>", "Show output groups, e.g. debug (full exception traces).", CommandOptionType.MultipleValue),
            LogFile = app.Option("--log-file <PATH>", "Also write every line, with time, host and task, and debug detail, to this file.", CommandOptionType.SingleValue),
            LogFormat = app.Option("--log-format <FORMAT>", "The log file's format: text (default) or json.", CommandOptionType.SingleValue),
            KexAlgorithms = app.Option("--kex-algorithms <LIST>", "Key exchange order in OpenSSH's KexAlgorithms syntax (a,b / +a / -a / ^a); beats the ssh config's KexAlgorithms.", CommandOptionType.SingleValue),
            Password = app.Option("-p|--password <PASSWORD>", "Password for SSH logins and sudo (asked on a terminal when needed and not given).", CommandOptionType.SingleValue),
            KeyFiles = app.Option("-i <KEYFILE>", "A private key file; repeatable. Tried before ~/.ssh/id_ed25519, id_ecdsa, id_rsa.", CommandOptionType.MultipleValue),
            Timeout = app.Option("-t|--timeout <SECONDS>", "Connect timeout (default: 10).", CommandOptionType.SingleValue),
            CommandTimeout = app.Option("-T|--command-timeout <SECONDS>", "Longest a remote command may run (default: no limit).", CommandOptionType.SingleValue),
            ConnectionAttempts = app.Option("--connection-attempts <N>", "Attempts to connect to a host before giving up (default: 1).", CommandOptionType.SingleValue),
            KnownHosts = app.Option("--known-hosts <FILE>", "The known_hosts file (default: ~/.ssh/known_hosts).", CommandOptionType.SingleValue),
            RejectUnknownHosts = app.Option("--reject-unknown-hosts", "Refuse hosts whose key is not in known_hosts instead of adding them.", CommandOptionType.NoValue),
            DisableKnownHosts = app.Option("--disable-known-hosts", "Do not check host keys at all (unsafe).", CommandOptionType.NoValue),
            Completion = app.Option("--completion <SHELL>", "Print a completion script for bash, zsh or pwsh (tasks and options).", CommandOptionType.SingleValue),
            SshConfigPath = app.Option("--ssh-config-path <FILE>", "The ssh config file (default: ~/.ssh/config; Env.UseSshConfig = false ignores it).", CommandOptionType.SingleValue),
            NoAgent = app.Option("-a|--no-agent", "Do not use the ssh-agent's keys.", CommandOptionType.NoValue),
            ForwardAgent = app.Option("-A|--forward-agent", "Forward the ssh-agent to the hosts (not supported: an error).", CommandOptionType.NoValue),
            Gateway = app.Option("-g|--gateway <HOST>", "Jump host(s) every connection goes through, like ssh -J: the initial Env.Gateway.", CommandOptionType.SingleValue),
            Version = app.Option("-V|--version", "Show the version and exit.", CommandOptionType.NoValue),
            Help = app.Option("-h|--help", "Show this help and exit.", CommandOptionType.NoValue),
        };
        return app;
    }

    /// <summary>A comma-separated host list: an empty item (<c>-H ""</c>, <c>-H a,,b</c>) is a usage error, never silently dropped.</summary>
    private static List<string> SplitHosts(string option, CommandOption values)
    {
        var hosts = values.Values.SelectMany(v => (v ?? "").Split(',')).Select(s => s.Trim()).ToList();
        return hosts.Contains("")
            ? throw new FabricUsageException($"Invalid {option} '{string.Join(",", values.Values)}': it has an empty host (separate hosts with ',', as in {option} a,b).")
            : hosts;
    }

    private static List<string> SplitList(CommandOption option) =>
        [.. option.Values.SelectMany(v => (v ?? "").Split(',')).Select(s => s.Trim()).Where(s => s.Length > 0)];

    /// <summary>The results file's full path: its folder must exist, so a typo stops the run before it starts, not after.</summary>
    private static string ResultsPath(string text)
    {
        var path = Path.GetFullPath(text);
        return Directory.Exists(Path.GetDirectoryName(path)) && !Directory.Exists(path)
            ? path
            : throw new FabricUsageException($"Invalid --results-json '{text}': its folder does not exist, or it is a folder.");
    }

    private static int ParsePort(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : throw new FabricUsageException($"Invalid --port '{text}': the port must be a number from 1 to 65535.");

    private static ListFormat ParseListFormat(string text) =>
        Enum.TryParse<ListFormat>(text, ignoreCase: true, out var format) && Enum.IsDefined(format) && !int.TryParse(text, out _)
            ? format
            : throw new FabricUsageException($"Invalid --list-format '{text}': use normal, short, nested or json.");

    private static TimeSpan ParseSeconds(string option, string text) =>
        double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds < TimeSpan.MaxValue.TotalSeconds
            ? TimeSpan.FromSeconds(seconds)
            : throw new FabricUsageException($"Invalid {option} '{text}': expected a number of seconds greater than 0.");

    private static int ParseCount(string option, string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) && count > 0
            ? count
            : throw new FabricUsageException($"Invalid {option} '{text}': expected a whole number of at least 1.");

    private static KeyValuePair<string, string> ParseSetting(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var key = equals < 0 ? text : text[..equals];
        return key.Length == 0
            ? throw new FabricUsageException($"Invalid --set '{text}': expected key=value.")
            : new(key, equals < 0 ? "" : text[(equals + 1)..]);
    }
}
