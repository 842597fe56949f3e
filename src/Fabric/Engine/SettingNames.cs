namespace Fabric.Engine;

/// <summary>A setting that a message may tell the user to change.</summary>
public enum Setting
{
    /// <summary>The hosts every task without hosts of its own runs on (<c>Env.Hosts</c>).</summary>
    Hosts,

    /// <summary>The shell remote commands run in (<c>Env.Shell</c>).</summary>
    Shell,

    /// <summary>The private key files to log in with (<c>Env.KeyFilenames</c>).</summary>
    KeyFiles,

    /// <summary>A pseudo-terminal for every command (<c>Env.AlwaysUsePty</c>).</summary>
    Pty,

    /// <summary>Skip hosts that cannot be reached instead of aborting (<c>Env.SkipBadHosts</c>).</summary>
    SkipBadHosts,

    /// <summary>How many hosts a parallel task runs on at once (<c>Env.PoolSize</c>).</summary>
    PoolSize,

    /// <summary>How many times to try connecting to a host.</summary>
    ConnectionAttempts,

    /// <summary>Questions abort instead of being asked (<c>Env.AbortOnPrompts</c>).</summary>
    AbortOnPrompts,

    /// <summary>The password for logins and sudo (<c>Env.Password</c>, <c>Env.SudoPassword</c>).</summary>
    Password,

    /// <summary>Where the tasks of the loaded fabfile are listed.</summary>
    TaskList,

    /// <summary>The key-exchange algorithms to offer.</summary>
    KexAlgorithms,

    /// <summary>The ssh config file to read.</summary>
    SshConfigFile,
}

/// <summary>
/// How a message names a <see cref="Setting"/> the user can change: the engine's messages say what is wrong and name
/// the setting through this, so a program that has other ways to set it (the tool's command line) can name those.
/// This default names the library's own: <c>Env</c> properties and options.
/// </summary>
public class SettingNames
{
    /// <summary>The library's names (<c>Env.Shell</c>, <c>Env.KeyFilenames</c>, …).</summary>
    public static SettingNames Library { get; } = new();

    /// <summary>
    /// How to give <paramref name="setting"/> (set to <paramref name="value"/>, when given, written as it would be typed),
    /// as a phrase to end "…, use X" or "(X)"; null when there is no way to name it (<see cref="Setting.TaskList"/> in a
    /// library).
    /// </summary>
    public virtual string? Name(Setting setting, string? value = null) => setting switch
    {
        Setting.Hosts => "Env.Hosts",
        Setting.Shell => value is null ? "Env.Shell" : $"Env.Shell = {value}",
        Setting.KeyFiles => "Env.KeyFilenames",
        Setting.Pty => "Env.AlwaysUsePty = true",
        Setting.SkipBadHosts => "Env.SkipBadHosts",
        Setting.PoolSize => "the pool size (Env.PoolSize)",
        Setting.ConnectionAttempts => "more connection attempts",
        Setting.AbortOnPrompts => "Env.AbortOnPrompts",
        Setting.Password => "Env.Password or Env.SudoPassword",
        Setting.KexAlgorithms => "KexAlgorithms",
        Setting.SshConfigFile => "SshConfigFile",
        _ => null,
    };

    /// <summary>How to answer the question stored under <paramref name="key"/> before it is asked, with <paramref name="value"/>.</summary>
    public virtual string Answer(string key, string value) => $"Env[\"{key}\"] = \"{value}\"";
}
