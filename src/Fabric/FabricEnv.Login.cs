using Fabric.Engine.Execution;
using Fabric.Engine.Ssh;

namespace Fabric;

/// <summary>The current host and how operations log in to it: <c>Env.HostString</c>, <c>Env.User</c>, credentials.</summary>
public sealed partial class FabricEnv
{
    /// <summary>
    /// The current host string: the one the task runs on, as written in the host list, or inside a
    /// <c>Settings(hostString: …)</c> block that block's; a user or port changed by <c>Settings</c> or <c>Env.User</c>/<c>Env.Port</c>
    /// is written in (<c>deploy@web1</c>). Output lines carry the same name. Null in a local-only task outside such a block.
    /// </summary>
    public string? HostString => CurrentLogin.Display(Ambient.Frame, Ambient.Scope, State);

    /// <summary>The current host's name or address as written (IPv6 without brackets); null in a local-only task outside a <c>Settings(hostString: …)</c> block.</summary>
    public string? Host => CurrentLogin.Host(Ambient.Frame, Ambient.Scope)?.Host;

    /// <summary>
    /// On a host (a task's run on one, or a <c>Settings(hostString: …)</c> block): the user operations log in as there, with
    /// OpenSSH's precedence (the host string's, else a <c>Settings(user: …)</c> block's, else one assigned in this task, else
    /// <c>-u</c> or one assigned in setup, else <c>~/.ssh/config</c>'s <c>User</c> for it, else the local user).
    /// Elsewhere: the default user for host strings that name none (<c>-u</c>, else the local user).
    /// <para>
    /// Assigning it, as Fabric's <c>env.user = "deploy"</c>, sets the default user for host strings that name none, like
    /// <c>-u</c>, for the task runs that start after (in setup; in a task with no host, <c>Production()</c> choosing hosts and
    /// user for the tasks after it; in a task on a host, for its later runs on other hosts and later tasks, as in Fabric). During
    /// a task's run on a host it also changes the login of that run's later operations (over a connection of its own) unless
    /// the host string names a user. In a parallel run it changes only that host's run (Fabric runs those in processes of
    /// their own).
    /// </para>
    /// </summary>
    /// <exception cref="AbortException">Read on a host whose ssh config cannot be read or has a bad value.</exception>
    public string User
    {
        get => CurrentTarget() is { } target ? Resolve(target).User : State.User;
        set
        {
            ArgumentException.ThrowIfNullOrEmpty(value);
            if (Ambient.Frame is { Host: not null } frame)
            {
                frame.Login.User = value;
            }

            if (Ambient.Frame is not { Host: not null, Linewise: true })
            {
                State.User = value;
            }
        }
    }

    /// <summary>
    /// On a host: the port it is reached on, with OpenSSH's precedence (the host string's, else a <c>Settings(port: …)</c>
    /// block's, else one assigned in this task, else <c>--port</c> or one assigned in setup, else <c>~/.ssh/config</c>'s
    /// <c>Port</c> for it, else 22). Elsewhere: the default port (<c>--port</c>, else 22). Assigning it works as for <see cref="User"/>.
    /// </summary>
    /// <exception cref="AbortException">Read on a host whose ssh config cannot be read or has a bad value.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Set to no port (1 to 65535).</exception>
    public int Port
    {
        get => CurrentTarget() is { } target ? Resolve(target).Port : State.Port;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 65535);
            if (Ambient.Frame is { Host: not null } frame)
            {
                frame.Login.Port = value;
            }

            if (Ambient.Frame is not { Host: not null, Linewise: true })
            {
                State.Port = value;
            }
        }
    }

    /// <summary>
    /// Private key files to log in with, as Fabric's <c>env.key_filename</c>: starts as the <c>-i</c> files; assigning replaces
    /// them (<c>Env.KeyFilenames = ["~/.ssh/deploy_ed25519"]</c>), <c>Add</c> adds one. Tried after the ssh-agent's keys and
    /// before <c>~/.ssh/config</c>'s and the default ones; <c>~/</c> means the home folder, a relative path the current folder.
    /// Read when a connection is opened, so a task that sets it changes the logins to hosts not yet connected to. A missing
    /// or unusable file is skipped with a warning.
    /// </summary>
    public EnvList KeyFilenames
    {
        get => State.KeyFilenames;
        set => State.KeyFilenames = value;
    }

    /// <summary>
    /// The login password, as Fabric's <c>env.password</c> and <c>-p</c>: starts as <c>-p</c>'s (null: none); assigning it in
    /// setup or in a task sets the password for the connections opened after. Also sudo's password unless
    /// <see cref="SudoPassword"/> is set. <see cref="Passwords"/> beats it for the hosts it names. Masked in all output, never logged.
    /// </summary>
    public string? Password
    {
        get => State.Password ?? Ambient.Context.Ssh.Password;
        set => State.Password = value;
    }

    /// <summary>
    /// Login passwords by host, as Fabric's <c>env.passwords</c>: <c>Env.Passwords["deploy@db1:22"] = "…"</c>. A key may leave
    /// out the user or the port (<c>db1</c>, <c>deploy@db1</c>) to cover every user or port of that host; the most specific key
    /// that covers a login wins. The host is matched as the host string writes it (the alias, before <c>~/.ssh/config</c>'s
    /// <c>HostName</c>), the user and port as the login uses them. A key that is no host string is refused when set. Every
    /// password set here is masked in all output and never logged.
    /// </summary>
    public IDictionary<string, string> Passwords => State.Passwords;

    /// <summary>The connection target operations would use now, or null with no host in force.</summary>
    private static ConnectionTarget? CurrentTarget() =>
        CurrentLogin.Host(Ambient.Frame, Ambient.Scope) is { } host ? CurrentLogin.Target(host, Ambient.Frame, Ambient.Scope, State) : null;

    /// <summary>The target as its connection sees it: host string, scopes and command line, then the ssh config, then defaults.</summary>
    private static SshHostSettings Resolve(ConnectionTarget target) => Ambient.Context.Connections.Hosts.Resolve(target);
}
