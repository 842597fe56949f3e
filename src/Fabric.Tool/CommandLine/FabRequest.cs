using Fabric.Engine.Hosts;
using Fabric.Tool.Console;
using Fabric.Tool.Listing;

namespace Fabric.Tool.CommandLine;

/// <summary>Everything the command line asked for, as plain data.</summary>
internal sealed record FabRequest
{
    public IReadOnlyList<string> Tasks { get; init; } = [];

    public bool Help { get; init; }

    public bool Version { get; init; }

    public string? Completion { get; init; }

    public bool List { get; init; }

    public ListFormat ListFormat { get; init; }

    public string? Display { get; init; }

    public bool DryRun { get; init; }

    /// <summary><c>--shard K/N</c>: this run's slice of every task's host list.</summary>
    public HostShard Shard { get; init; } = HostShard.All;

    /// <summary><c>--results-json FILE</c>: where to write each task × host outcome at the end (full path), or null.</summary>
    public string? ResultsJson { get; init; }

    /// <summary><c>--merge-results</c>: print the combined summary of these results files instead of running.</summary>
    public bool MergeResults { get; init; }

    public string? Fabfile { get; init; }

    public IReadOnlyList<string> Hosts { get; init; } = [];

    public IReadOnlyList<string> Roles { get; init; } = [];

    public IReadOnlyList<string> ExcludeHosts { get; init; } = [];

    public string? User { get; init; }

    public int? Port { get; init; }

    public bool WarnOnly { get; init; }

    /// <summary><c>-P</c>, <c>-z</c> and <c>--skip-bad-hosts</c>.</summary>
    public bool Parallel { get; init; }

    public int? PoolSize { get; init; }

    public bool SkipBadHosts { get; init; }

    /// <summary><c>--abort-on-prompts</c>: a question to the user aborts the run instead of being asked.</summary>
    public bool AbortOnPrompts { get; init; }

    /// <summary><c>--pty</c>: every remote command runs on a pseudo-terminal unless it says otherwise.</summary>
    public bool Pty { get; init; }

    /// <summary><c>--linewise</c>: serial runs show remote output in whole lines too (parallel runs always do).</summary>
    public bool Linewise { get; init; }

    /// <summary><c>--shell</c>: the initial <c>Env.Shell</c>; null: not given (the default <c>/bin/bash -l -c</c>).</summary>
    public string? Shell { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Settings { get; init; } = [];

    public IReadOnlyList<string> Hide { get; init; } = [];

    public string? LogFile { get; init; }

    public LogFileFormat LogFormat { get; init; }

    public string? Password { get; init; }

    public string? KexAlgorithms { get; init; }

    public IReadOnlyList<string> KeyFiles { get; init; } = [];

    public TimeSpan? ConnectTimeout { get; init; }

    public TimeSpan? CommandTimeout { get; init; }

    public int? ConnectionAttempts { get; init; }

    public string? KnownHostsFile { get; init; }

    public bool RejectUnknownHosts { get; init; }

    public bool DisableKnownHosts { get; init; }

    public IReadOnlyList<string> Show { get; init; } = [];

    public string? SshConfigPath { get; init; }

    public bool NoAgent { get; init; }

    public string? Gateway { get; init; }
}
