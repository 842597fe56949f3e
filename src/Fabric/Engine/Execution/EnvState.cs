namespace Fabric.Engine.Execution;

/// <summary>
/// The run-wide part of <c>Env</c>: set from the command line, changed by the fabfile's setup and tasks, which may run
/// in parallel: the lists are <see cref="EnvList"/>s (assigning one replaces its items in one change), <see cref="RoleDefs"/>
/// locks, <see cref="Values"/> is concurrent, and the other members are single values.
/// </summary>
internal sealed class EnvState
{
    public EnvState() => Passwords = new Ssh.PasswordTable(Remember);

    public EnvList Hosts
    {
        get;
        set => field.ReplaceWith(value ?? []);
    } = [];

    public EnvList Roles
    {
        get;
        set => field.ReplaceWith(value ?? []);
    } = [];

    public RoleDefinitions RoleDefs { get; set; } = new();

    public EnvList ExcludeHosts
    {
        get;
        set => field.ReplaceWith(value ?? []);
    } = [];

    public bool WarnOnly { get; set; }

    /// <summary><c>Env.Parallel</c>: tasks without <c>[Serial]</c> run on their hosts in parallel.</summary>
    public bool Parallel { get; set; }

    /// <summary><c>Env.Linewise</c>: serial runs show remote output whole lines at a time too (parallel runs always do).</summary>
    public bool Linewise { get; set; }

    /// <summary><c>Env.PoolSize</c>: how many hosts a parallel task runs on at once, unless the task says; null: all of them.</summary>
    public int? PoolSize { get; set; }

    /// <summary><c>Env.SkipBadHosts</c>: an unreachable host is reported and skipped instead of aborting the run.</summary>
    public bool SkipBadHosts { get; set; }

    /// <summary>The user for host strings that name none: the one the run starts with or the fabfile sets, else the local user.</summary>
    public string User
    {
        get;
        set
        {
            field = value;
            UserGiven = true;
        }
    } = System.Environment.UserName;

    /// <summary>True once <see cref="User"/> was set (by the run's start or the fabfile): it then beats <c>~/.ssh/config</c>'s <c>User</c>.</summary>
    public bool UserGiven { get; private set; }

    /// <summary>The port for host strings that name none: the one the run starts with or the fabfile sets, else 22.</summary>
    public int Port
    {
        get;
        set
        {
            field = value;
            PortGiven = true;
        }
    } = 22;

    /// <summary>True once <see cref="Port"/> was set (by the run's start or the fabfile): it then beats <c>~/.ssh/config</c>'s <c>Port</c>.</summary>
    public bool PortGiven { get; private set; }

    /// <summary>Read <c>~/.ssh/config</c> (or the run's <see cref="Ssh.SshOptions.SshConfigFile"/>) when connecting.</summary>
    public bool UseSshConfig { get; set; } = true;

    /// <summary>The jump host every connection goes through (<c>Env.Gateway</c>); null: none, or the config's <c>ProxyJump</c>.</summary>
    public string? Gateway { get; set; }

    /// <summary>The shell remote commands run in; the command is appended as one quoted argument.</summary>
    public string Shell { get; set; } = "/bin/bash -l -c";

    /// <summary>Run every remote command on a pseudo-terminal (<c>Env.AlwaysUsePty</c>) unless the call says otherwise.</summary>
    public bool AlwaysUsePty { get; set; }

    /// <summary>The sudo password for every host, when the fabfile sets one; else the login password, else asked.</summary>
    public string? SudoPassword
    {
        get;
        set
        {
            field = value;
            Remember(value);
        }
    }

    /// <summary>Key files the fabfile gives (<c>Env.KeyFilenames</c>); the run context starts it with the run's <see cref="Ssh.SshOptions.KeyFiles"/>.</summary>
    public EnvList KeyFilenames
    {
        get;
        set => field.ReplaceWith(value ?? []);
    } = [];

    /// <summary>The login password the fabfile set (<c>Env.Password</c>), or null: the run's <see cref="Ssh.SshOptions.Password"/>, else asked.</summary>
    public string? Password
    {
        get;
        set
        {
            field = value;
            Remember(value);
        }
    }

    /// <summary>Login passwords by host string (<c>Env.Passwords</c>); they beat <see cref="Password"/>.</summary>
    public Ssh.PasswordTable Passwords { get; }

    /// <summary>
    /// Secrets of the run that are not listed in <see cref="Secrets"/>: passwords the fabfile set, answers to secret prompts.
    /// Masked in every line of output.
    /// </summary>
    public EnvList RunSecrets { get; } = [];

    /// <summary>Values masked as <c>****</c> wherever they would appear in output or the log.</summary>
    public EnvList Secrets
    {
        get;
        set => field.ReplaceWith(value ?? []);
    } = [];

    private void Remember(string? secret)
    {
        if (!string.IsNullOrEmpty(secret) && !RunSecrets.Contains(secret))
        {
            RunSecrets.Add(secret);
        }
    }

    /// <summary>The folder of the fabfile being run (its project's, its file's, or its assembly's); the current folder until the tool sets it.</summary>
    public string FabfileDirectory { get; set; } = System.Environment.CurrentDirectory;

    /// <summary><c>Env.AbortOnPrompts</c>: a question to the user (<c>Prompt</c>, <c>Confirm</c>, a password) aborts instead of asking.</summary>
    public bool AbortOnPrompts { get; set; }

    /// <summary>The <c>k=v</c> values the run started with, as given: they answer a <c>Prompt</c> whose key is <c>k</c>, whatever the fabfile did to <see cref="Values"/>.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, string> CommandLineValues { get; } = new(StringComparer.Ordinal);

    /// <summary>The run's starting <c>k=v</c> values and anything the fabfile stores with <c>Env["k"] = …</c>, from any execution.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, string?> Values { get; } = new(StringComparer.Ordinal);
}
