using Fabric.Engine;
using Fabric.Engine.Remote;
using Fabric.Engine.Transport.SshNet;
using Fabric.Tool.CommandLine;

namespace Fabric.Tests.Tool.CommandLine;

/// <summary>The engine's messages name settings through <see cref="SettingNames"/>; the tool names its options.</summary>
public class CommandLineSettingNamesTests
{
    private static readonly CommandLineSettingNames Names = CommandLineSettingNames.Instance;

    [Theory]
    [InlineData("KeyFiles", "-i")]
    [InlineData("Pty", "--pty")]
    [InlineData("SkipBadHosts", "--skip-bad-hosts")]
    [InlineData("PoolSize", "-z")]
    [InlineData("ConnectionAttempts", "--connection-attempts")]
    [InlineData("AbortOnPrompts", "--abort-on-prompts, Env.AbortOnPrompts")]
    [InlineData("TaskList", "'dotnet fab --list'")]
    public void Each_setting_is_named_by_its_option(string setting, string expected) =>
        Assert.Equal(expected, Names.Name(Enum.Parse<Setting>(setting)));

    [Fact]
    public void Every_setting_has_a_command_line_name() =>
        Assert.All(Enum.GetValues<Setting>(), s => Assert.False(string.IsNullOrEmpty(Names.Name(s))));

    [Fact]
    public void The_library_names_no_command_line_option() =>
        Assert.All(Enum.GetValues<Setting>(), s => Assert.DoesNotContain("-", SettingNames.Library.Name(s) ?? "", StringComparison.Ordinal));

    [Fact]
    public void A_missing_shell_names_the_option_and_the_Env_property()
    {
        var message = MissingShell.Explain("web1", "/bin/bash -l -c", 127, "sh: 1: /bin/bash: not found\n", Names);

        Assert.EndsWith("choose a shell the host has with --shell \"/bin/sh -c\" or Env.Shell = \"/bin/sh -c\".", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_prompt_is_answered_with_set() =>
        Assert.Equal("--set branch=main", Names.Answer("branch", "main"));

    [Fact]
    public void A_missing_key_file_names_i() =>
        Assert.Equal("Key file '/nonexistent/key' (-i) does not exist.", KeyRing.Problem("/nonexistent/key", Names));
}
