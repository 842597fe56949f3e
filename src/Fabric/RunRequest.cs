using Fabric.Engine.Hosts;

namespace Fabric;

/// <summary>
/// What a <see cref="FabricRunner"/> is asked to run, and how: the tasks with their arguments, the hosts, and the run's
/// settings, as plain data. Everything in it is checked before any host is touched. <c>dotnet fab</c> builds one from its
/// command line; any other program can build one in code.
/// </summary>
public sealed record RunRequest
{
    /// <summary>The tasks to run, in order, each as <c>name</c> or <c>name:arg,key=value</c>; empty: the fabfile's default task.</summary>
    public IReadOnlyList<string> Tasks { get; init; } = [];

    /// <summary>The hosts of every task without hosts of its own (<c>Env.Hosts</c>).</summary>
    public IReadOnlyList<string> Hosts { get; init; } = [];

    /// <summary>The roles of every task without hosts of its own (<c>Env.Roles</c>).</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>Hosts no task runs on (<c>Env.ExcludeHosts</c>).</summary>
    public IReadOnlyList<string> ExcludeHosts { get; init; } = [];

    /// <summary>The login user where a host string names none (<c>Env.User</c>); null: the ssh config's, else the local user.</summary>
    public string? User { get; init; }

    /// <summary>The port where a host string names none (<c>Env.Port</c>); null: the ssh config's, else 22.</summary>
    public int? Port { get; init; }

    /// <summary>A failed command or transfer warns instead of aborting the run (<c>Env.WarnOnly</c>).</summary>
    public bool WarnOnly { get; init; }

    /// <summary>Tasks run on their hosts in parallel unless marked <c>[Serial]</c> (<c>Env.Parallel</c>).</summary>
    public bool Parallel { get; init; }

    /// <summary>How many hosts a parallel task runs on at once (<c>Env.PoolSize</c>); null: all.</summary>
    public int? PoolSize { get; init; }

    /// <summary>A host that cannot be reached is skipped, with a warning, instead of aborting the run (<c>Env.SkipBadHosts</c>).</summary>
    public bool SkipBadHosts { get; init; }

    /// <summary>A question (<c>Prompt</c>, a password) aborts the run instead of being asked (<c>Env.AbortOnPrompts</c>).</summary>
    public bool AbortOnPrompts { get; init; }

    /// <summary>Every remote command gets a pseudo-terminal (<c>Env.AlwaysUsePty</c>).</summary>
    public bool Pty { get; init; }

    /// <summary>Output is written line by line even on one host (<c>Env.Linewise</c>).</summary>
    public bool Linewise { get; init; }

    /// <summary>The shell remote commands run in (<c>Env.Shell</c>); null: <c>/bin/bash -l -c</c>.</summary>
    public string? Shell { get; init; }

    /// <summary>The jump host every connection goes through (<c>Env.Gateway</c>); null: none.</summary>
    public string? Gateway { get; init; }

    /// <summary>Values for <c>Env</c> (and the answers to prompts that name a key), set before the fabfile's setup runs.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Settings { get; init; } = [];

    /// <summary>Output groups hidden for the whole run (as <c>Hide(...)</c> takes them: running, stdout, status, …).</summary>
    public IReadOnlyList<string> Hide { get; init; } = [];

    /// <summary>Output groups shown for the whole run (as <c>Show(...)</c> takes them: debug, …).</summary>
    public IReadOnlyList<string> Show { get; init; } = [];

    /// <summary>The password for logins and sudo, where no other is given; never printed.</summary>
    public string? Password { get; init; }

    /// <summary>Private key files to log in with, tried before the default ones (<c>~/.ssh/id_*</c>).</summary>
    public IReadOnlyList<string> KeyFiles { get; init; } = [];

    /// <summary>Whether the ssh-agent's keys are used (when <c>SSH_AUTH_SOCK</c> names one).</summary>
    public bool UseAgent { get; init; } = true;

    /// <summary>The key-exchange algorithms, in OpenSSH's <c>KexAlgorithms</c> form; null: the default order.</summary>
    public string? KexAlgorithms { get; init; }

    /// <summary>How long a connection may take; null: the ssh config's <c>ConnectTimeout</c>, else 10 seconds.</summary>
    public TimeSpan? ConnectTimeout { get; init; }

    /// <summary>How long a remote command may run; null: no limit.</summary>
    public TimeSpan? CommandTimeout { get; init; }

    /// <summary>How many times connecting to a host is tried; null: once.</summary>
    public int? ConnectionAttempts { get; init; }

    /// <summary>The known_hosts file; null: <c>~/.ssh/known_hosts</c>.</summary>
    public string? KnownHostsFile { get; init; }

    /// <summary>A host whose key is not in known_hosts is refused instead of added with a warning.</summary>
    public bool RejectUnknownHosts { get; init; }

    /// <summary>known_hosts is neither read nor written: every host key is accepted.</summary>
    public bool DisableKnownHosts { get; init; }

    /// <summary>The ssh config file; null: <c>~/.ssh/config</c>.</summary>
    public string? SshConfigFile { get; init; }

    /// <summary>This run's slice of every task's host list, when several runs share one (K of N); null: every host.</summary>
    public HostShard? Shard { get; init; }

    /// <summary>Plan and check only: the outcome's <see cref="Engine.Execution.RunOutcome.Preview"/> says what would run where; nothing runs.</summary>
    public bool DryRun { get; init; }

    /// <summary>The fabfile's folder (<c>Env.FabfileDirectory</c>); null: none.</summary>
    public string? FabfileDirectory { get; init; }
}
