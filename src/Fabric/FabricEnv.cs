using Fabric.Engine.Execution;
using Fabric.Engine.Ssh;

namespace Fabric;

/// <summary>
/// Fabric's <c>env</c>: the settings of the current run, reached as <c>Env</c> through
/// <c>using static Fabric.Api;</c>. Run-wide values (<see cref="Hosts"/>, <see cref="Roles"/>,
/// <see cref="RoleDefs"/>, …) are shared by every task; the host values (<see cref="HostString"/>,
/// <see cref="Host"/>, <see cref="User"/>, <see cref="Port"/>) describe the execution that reads them,
/// so parallel runs each see their own. The executions of a <c>[Parallel]</c> task may change and read the run-wide
/// collections at once: the lists are <see cref="EnvList"/>s, and <see cref="RoleDefs"/> and <c>Env["key"]</c> are safe too.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "An instance, so that Env[\"key\"] and Env.Hosts read like Fabric's env; its state is the current run's.")]
public sealed partial class FabricEnv
{
    internal static FabricEnv Instance { get; } = new();

    private FabricEnv()
    {
    }

    private static EnvState State => Ambient.Context.Env;

    /// <summary>
    /// Hosts for tasks that name none of their own. Starts as <c>-H</c>; assigning replaces its items
    /// (<c>Env.Hosts = ["web1", "web2"]</c>), <c>Env.Hosts.AddRange(…)</c> extends it. Read when each task is about to run,
    /// so a task that sets it changes the hosts of the tasks after it. Parallel executions may change it at once.
    /// </summary>
    public EnvList Hosts
    {
        get => State.Hosts;
        set => State.Hosts = value;
    }

    /// <summary>Role names for tasks that name no hosts or roles of their own. Starts as <c>-R</c>.</summary>
    public EnvList Roles
    {
        get => State.Roles;
        set => State.Roles = value;
    }

    /// <summary>Role names mapped to host lists or to functions returning one.</summary>
    public RoleDefinitions RoleDefs
    {
        get => State.RoleDefs;
        set => State.RoleDefs = value ?? new();
    }

    /// <summary>Hosts removed from every task's host list, whatever its source. Starts as <c>-x</c>.</summary>
    public EnvList ExcludeHosts
    {
        get => State.ExcludeHosts;
        set => State.ExcludeHosts = value;
    }

    /// <summary>
    /// When true, a failed command prints a warning and returns a failed result instead of aborting the run.
    /// Starts as <c>-w</c>; <c>using (WarnOnly())</c> sets it for a block.
    /// </summary>
    public bool WarnOnly
    {
        get => Ambient.Scope.FailureWarns(State.WarnOnly);
        set => State.WarnOnly = value;
    }

    /// <summary>
    /// When true, tasks without <see cref="SerialAttribute"/> run on their hosts in parallel. Starts as <c>-P</c>;
    /// read when each task is about to run.
    /// </summary>
    public bool Parallel
    {
        get => State.Parallel;
        set => State.Parallel = value;
    }

    /// <summary>
    /// When true, remote output is shown one whole line at a time; when false (the default), a serial run shows the
    /// start of a line as it arrives, so that a remote prompt without a line break is seen. Parallel runs are always
    /// line by line. Starts as <c>--linewise</c>; read when each command starts.
    /// </summary>
    public bool Linewise
    {
        get => State.Linewise;
        set => State.Linewise = value;
    }

    /// <summary>
    /// How many hosts a parallel task runs on at once, unless its <see cref="ParallelAttribute.PoolSize"/> says;
    /// null: all of them. Starts as <c>-z</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to less than 1.</exception>
    public int? PoolSize
    {
        get => State.PoolSize;
        set => State.PoolSize = value is < 1 ? throw new ArgumentOutOfRangeException(nameof(value), value, "The pool size must be at least 1.") : value;
    }

    /// <summary>When true, a host that cannot be reached is reported and skipped instead of aborting the run. Starts as <c>--skip-bad-hosts</c>.</summary>
    public bool SkipBadHosts
    {
        get => State.SkipBadHosts;
        set => State.SkipBadHosts = value;
    }

    /// <summary>
    /// The shell that <c>Run</c> and <c>Sudo</c> run commands in on the host, default <c>/bin/bash -l -c</c> (a login
    /// shell, so the account's profile and <c>PATH</c> apply): the command, with the scopes' <c>export</c>, <c>cd</c> and
    /// prefixes, is appended as one single-quoted argument, <c>/bin/bash -l -c 'cd /srv &amp;&amp; make'</c>. Starts as
    /// <c>--shell</c>; read when each command starts.
    /// <para>
    /// Change it for hosts without bash (Alpine and other BusyBox systems, minimal container images, some appliances),
    /// where the default fails with <c>/bin/bash: not found</c>: <c>Env.Shell = "/bin/sh -c"</c> (or
    /// <c>--shell "/bin/sh -c"</c>) runs commands in the POSIX shell every host has, without bash's syntax and without
    /// the login profile (<c>/bin/sh -l -c</c> reads it: dash and BusyBox take <c>-l</c>). Empty: no wrapping, the
    /// command line goes to the host as it is (<c>Run</c>'s then runs in the account's login shell), as <c>shell: false</c>
    /// does for one command. A <c>Settings(shell: …)</c> scope changes it for its block.
    /// </para>
    /// </summary>
    public string Shell
    {
        get => Ambient.Scope.Shell ?? State.Shell;
        set => State.Shell = value ?? "";
    }

    /// <summary>
    /// Runs every <c>Run</c> and <c>Sudo</c> on a pseudo-terminal unless the call passes <c>pty: false</c> (<c>--pty</c>,
    /// Fabric's <c>env.always_use_pty</c>; default false). A terminal lets interactive programs and <c>requiretty</c> sudoers
    /// work, but merges standard error into standard output and turns line breaks into <c>\r\n</c> on the way.
    /// </summary>
    public bool AlwaysUsePty
    {
        get => State.AlwaysUsePty;
        set => State.AlwaysUsePty = value;
    }

    /// <summary>
    /// The password <c>Sudo</c> gives when sudo asks for one. When null, the <c>-p</c> password is used, else it is asked
    /// once per host on the terminal. Never printed.
    /// </summary>
    public string? SudoPassword
    {
        get => State.SudoPassword;
        set => State.SudoPassword = value;
    }

    /// <summary>
    /// Whether connections read <c>~/.ssh/config</c> (or the <c>--ssh-config-path</c> file) for host aliases, users, ports,
    /// key files, <c>ProxyJump</c> and host-key settings, as <c>ssh</c> does. Default true; set it to false in the fabfile to
    /// ignore the config. Read when a host is first connected to.
    /// </summary>
    public bool UseSshConfig
    {
        get => State.UseSshConfig;
        set => State.UseSshConfig = value;
    }

    /// <summary>
    /// A jump host (<c>[user@]host[:port]</c>, or several separated by commas, tried in order) that every connection goes
    /// through, like <c>ssh -J</c>; it beats the config's <c>ProxyJump</c>. Starts as <c>-g/--gateway</c>; null: none. One
    /// connection to each gateway serves every host behind it, and every hop's host key is checked.
    /// </summary>
    public string? Gateway
    {
        get => State.Gateway;
        set => State.Gateway = string.IsNullOrWhiteSpace(value) ? null : value;
    }

    /// <summary>
    /// The folder the fabfile is in, as a full path: the folder of <c>fabfile.cs</c> for a single-file fabfile, the
    /// project's folder (<c>fabfile/</c>) for a fabfile project, the assembly's folder for a built <c>.dll</c> named with
    /// <c>-f</c>. Fabric's <c>os.path.dirname(env.real_fabfile)</c>: the place to find files that travel with the fabfile
    /// (templates, configuration), whatever folder <c>dotnet fab</c> was started in:
    /// <c>Put(System.IO.Path.Combine(Env.FabfileDirectory, "nginx.conf"), "/etc/nginx/")</c>.
    /// </summary>
    public string FabfileDirectory => State.FabfileDirectory;

    /// <summary>
    /// When true, nothing asks the user anything: a <c>Prompt</c> or <c>Confirm</c> aborts the run naming its question
    /// (exit 1), and a password, passphrase or host string that would be asked for is treated as if there were no
    /// terminal. For unattended runs (cron, CI), where a question nobody sees would otherwise stop the run. Starts as
    /// <c>--abort-on-prompts</c> (Fabric's <c>env.abort_on_prompts</c>); without a terminal, prompts abort anyway.
    /// </summary>
    public bool AbortOnPrompts
    {
        get => State.AbortOnPrompts;
        set => State.AbortOnPrompts = value;
    }

    /// <summary>The task being run, or null outside a task.</summary>
    public string? Task => Ambient.Frame?.TaskName;

    /// <summary>
    /// Values masked as <c>****</c> wherever they would appear in output or the log file, e.g. a database password
    /// that a command line carries: <c>Env.Secrets.Add(password)</c>. Passwords given with <c>-p</c> or typed at a
    /// prompt are masked without being listed here. A parallel execution may add to it while others print: every line
    /// written after <c>Add</c> returns is masked.
    /// </summary>
    public EnvList Secrets
    {
        get => State.Secrets;
        set => State.Secrets = value;
    }

    /// <summary>A free-form setting: <c>--set key=value</c> on the command line, or set by the fabfile. Null when absent.</summary>
    public string? this[string key]
    {
        get => State.Values.TryGetValue(key, out var value) ? value : null;
        set => State.Values[key] = value;
    }

    /// <summary>True when <c>--set</c> or the fabfile has given <paramref name="key"/> a value.</summary>
    public bool Contains(string key) => State.Values.ContainsKey(key);
}
