using Fabric.Engine;

namespace Fabric.Tool.CommandLine;

/// <summary>
/// The engine's settings as a <c>dotnet fab</c> user changes them: the command-line option first, then the fabfile's
/// <c>Env</c> property where a fabfile may set it too.
/// </summary>
internal sealed class CommandLineSettingNames : SettingNames
{
    /// <summary>The one instance: the names do not change.</summary>
    public static CommandLineSettingNames Instance { get; } = new();

    /// <inheritdoc />
    public override string? Name(Setting setting, string? value = null) => setting switch
    {
        Setting.Hosts => "-H, Env.Hosts",
        Setting.Shell => value is null ? "--shell or Env.Shell" : $"--shell {value} or Env.Shell = {value}",
        Setting.KeyFiles => "-i",
        Setting.Pty => "--pty",
        Setting.SkipBadHosts => "--skip-bad-hosts",
        Setting.PoolSize => "-z",
        Setting.ConnectionAttempts => "--connection-attempts",
        Setting.AbortOnPrompts => "--abort-on-prompts, Env.AbortOnPrompts",
        Setting.TaskList => "'dotnet fab --list'",
        Setting.Password => "-p, Env.Password or Env.SudoPassword",
        Setting.KexAlgorithms => "--kex-algorithms",
        Setting.SshConfigFile => "--ssh-config-path",
        _ => base.Name(setting, value),
    };

    /// <inheritdoc />
    public override string Answer(string key, string value) => $"--set {key}={value}";
}
