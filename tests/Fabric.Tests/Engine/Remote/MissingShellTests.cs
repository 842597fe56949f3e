using Fabric.Engine.Remote;

namespace Fabric.Tests.Engine.Remote;

public sealed class MissingShellTests
{
    private const string Bash = "/bin/bash -l -c";

    /// <summary>What servers and shells printed when <c>/bin/nosuch</c> (here written as the shell's program) was missing.</summary>
    [Theory]
    [InlineData("/bin/bash -l -c", "sh: 1: /bin/bash: not found")] // dash as /bin/sh, under OpenSSH and Dropbear
    [InlineData("/bin/bash -l -c", "dash: 1: /bin/bash: not found")] // dash as the login shell
    [InlineData("/bin/bash -l -c", "/bin/dash: 1: /bin/bash: not found")] // dash under tinysshd
    [InlineData("/bin/bash -l -c", "sh: /bin/bash: not found")] // BusyBox ash as sh
    [InlineData("/bin/bash -l -c", "ash: /bin/bash: not found")] // BusyBox ash
    [InlineData("/usr/bin/zsh -c", "bash: line 1: /usr/bin/zsh: No such file or directory")] // bash as the login shell
    [InlineData("/bin/bash -c", "zsh:1: no such file or directory: /bin/bash")]
    [InlineData("/bin/bash -c", "mksh: /bin/bash: inaccessible or not found")]
    [InlineData("bash -l -c", "sh: 1: bash: not found")] // a shell found on PATH
    [InlineData("/usr/bin/env bash -l -c", "env: ‘bash’: No such file or directory")] // GNU env
    [InlineData("env -i LANG=C bash -c", "env: can't execute 'bash': No such file or directory")] // BusyBox env
    public void A_missing_shell_is_named_with_its_host_and_how_to_choose_another(string shell, string stderr)
    {
        var message = MissingShell.Explain("web1:2222", shell, 127, stderr + "\n");

        Assert.NotNull(message);
        Assert.Contains("web1:2222", message, StringComparison.Ordinal);
        Assert.Contains($"{MissingShell.ProgramOf(shell)} was not found on web1:2222", message, StringComparison.Ordinal);
        Assert.Contains($"Env.Shell (\"{shell}\")", message, StringComparison.Ordinal);
        Assert.Contains("with Env.Shell = \"/bin/sh -c\"", message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
    }

    [Fact]
    public void The_whole_message_quotes_what_the_host_said()
    {
        Assert.Equal(
            "/bin/bash was not found on web1 (\"sh: 1: /bin/bash: not found\"), and remote commands run in Env.Shell (\"/bin/bash -l -c\"): "
            + "choose a shell the host has with Env.Shell = \"/bin/sh -c\".",
            MissingShell.Explain("web1", Bash, 127, "sh: 1: /bin/bash: not found\n"));
    }

    [Fact]
    public void Sudo_saying_the_shell_is_not_found_counts_with_its_exit_status_1()
    {
        var message = MissingShell.Explain("web1", Bash, 1, "sudo: /bin/bash: command not found\r\n");

        Assert.StartsWith("/bin/bash was not found on web1 (\"sudo: /bin/bash: command not found\")", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_a_noisy_profile_printed_first_do_not_hide_it()
    {
        Assert.NotNull(MissingShell.Explain("web1", Bash, 127, "Welcome!\nmesg: ttyname failed: Inappropriate ioctl for device\nsh: 1: /bin/bash: not found\n"));
    }

    [Fact]
    public void A_missing_sh_suggests_no_wrapping_rather_than_sh_again()
    {
        var message = MissingShell.Explain("web1", "/bin/sh -c", 127, "bash: line 1: /bin/sh: No such file or directory");

        Assert.Contains("with Env.Shell = \"\" (no shell around the command)", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Bash, 127, "bash: line 1: /opt/tool: No such file or directory")] // the command's own program is missing
    [InlineData("/bin/sh -c", 127, "sh: 1: /bin/bash: not found")] // the command ran bash, which the shell is not
    [InlineData(Bash, 126, "sh: 1: /bin/bash: Permission denied")] // there, but not executable
    [InlineData(Bash, 2, "sh: 1: /bin/bash: not found")] // the command printed it and failed otherwise
    [InlineData(Bash, 1, "sh: 1: /bin/bash: not found")] // only sudo says it with status 1
    [InlineData(Bash, 0, "")]
    [InlineData("", 127, "sh: 1: /bin/bash: not found")] // no shell around the command
    [InlineData(Bash, 127, "sh: 1: /bin/bash-static: not found")]
    public void Other_failures_are_not_a_missing_shell(string shell, int exitCode, string stderr)
    {
        Assert.Null(MissingShell.Explain("web1", shell, exitCode, stderr));
    }
}
