using Fabric.Engine.Remote;
using static Fabric.Api;

namespace Fabric.EndToEnd.Tests.Ssh;

/// <summary><c>Env.Shell</c> against the test sshd: another shell runs commands, and a missing one is recognised from what the host says.</summary>
[Collection(SshdGroup.Name)]
public sealed class ShellTests(SshdFixture sshd)
{
    [Fact(Timeout = 60_000)]
    public async Task Commands_run_in_the_shell_Env_Shell_names()
    {
        await using var session = new SshSession(sshd.Options() with { CommandTimeout = TimeSpan.FromSeconds(30) });
        using var frame = SshSession.On(sshd.Frame(0, SshdFixture.TestUser));
        Env.Shell = "/bin/sh -c";

        var result = await RunAsync("echo \"$0\"");

        Assert.Equal("/bin/sh", result.Stdout);
    }

    [Theory(Timeout = 60_000)]
    [InlineData(SshdFixture.OpsUser)]
    [InlineData(SshdFixture.TestUser)]
    public async Task A_shell_the_host_lacks_is_recognised_from_what_its_login_shell_says(string user)
    {
        await using var session = new SshSession(sshd.Options() with { CommandTimeout = TimeSpan.FromSeconds(30) });
        using var frame = SshSession.On(sshd.Frame(0, user));
        Env.Shell = "/bin/fab-no-such-shell -l -c";

        var result = await RunAsync("true", warnOnly: true);

        Assert.Equal(127, result.ExitCode);
        var message = MissingShell.Explain(sshd.Host(0).Original, Env.Shell, result.ExitCode, result.Stderr);
        Assert.StartsWith($"/bin/fab-no-such-shell was not found on {sshd.Host(0).Original} (\"", message, StringComparison.Ordinal);
    }
}
