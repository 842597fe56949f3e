using McMaster.Extensions.CommandLineUtils;

namespace Fabric.Tool.CommandLine;

/// <summary>The options <see cref="CommandLineParser"/> declares, one property each, to read after parsing.</summary>
internal sealed class ParsedOptions
{
    public required CommandOption List { get; init; }

    public required CommandOption ListFormat { get; init; }

    public required CommandOption Display { get; init; }

    public required CommandOption DryRun { get; init; }

    public required CommandOption Shard { get; init; }

    public required CommandOption ResultsJson { get; init; }

    public required CommandOption MergeResults { get; init; }

    public required CommandOption Fabfile { get; init; }

    public required CommandOption Hosts { get; init; }

    public required CommandOption Roles { get; init; }

    public required CommandOption Exclude { get; init; }

    public required CommandOption User { get; init; }

    public required CommandOption Port { get; init; }

    public required CommandOption WarnOnly { get; init; }

    public required CommandOption Parallel { get; init; }

    public required CommandOption PoolSize { get; init; }

    public required CommandOption SkipBadHosts { get; init; }

    public required CommandOption Linewise { get; init; }

    public required CommandOption Pty { get; init; }

    public required CommandOption Shell { get; init; }

    public required CommandOption Set { get; init; }

    public required CommandOption AbortOnPrompts { get; init; }

    public required CommandOption Hide { get; init; }

    public required CommandOption Show { get; init; }

    public required CommandOption LogFile { get; init; }

    public required CommandOption LogFormat { get; init; }

    public required CommandOption KexAlgorithms { get; init; }

    public required CommandOption Password { get; init; }

    public required CommandOption KeyFiles { get; init; }

    public required CommandOption Timeout { get; init; }

    public required CommandOption CommandTimeout { get; init; }

    public required CommandOption ConnectionAttempts { get; init; }

    public required CommandOption KnownHosts { get; init; }

    public required CommandOption RejectUnknownHosts { get; init; }

    public required CommandOption DisableKnownHosts { get; init; }

    public required CommandOption Completion { get; init; }

    public required CommandOption SshConfigPath { get; init; }

    public required CommandOption NoAgent { get; init; }

    public required CommandOption ForwardAgent { get; init; }

    public required CommandOption Gateway { get; init; }

    public required CommandOption Version { get; init; }

    public required CommandOption Help { get; init; }
}
