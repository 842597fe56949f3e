using Fabric.EndToEnd.Tests.Infrastructure;

namespace Fabric.EndToEnd.Tests.Hosts;

/// <summary>
/// What OpenSSH's own <c>ssh</c> does on each real-host target, with the same key and known_hosts the tool gets:
/// pins that the servers and accounts are set up as described, so a failing <see cref="RealHostsTests"/> case is the
/// tool's, and records what users of <c>ssh</c> see there.
/// </summary>
[Collection(RealHostsGroup.Name)]
public sealed class SshBaselineTests(RealHosts hosts)
{
    private const string ReadInput = "read input";
    private const string SudoId = "sudo id -un with the password";
    private const string LookForBash = "read input, which shell, which bash";

    [Theory]
    [InlineData("Dropbear", ReadInput, 0, "got []")]
    [InlineData("tinysshd", ReadInput, 0, "got []")]
    [InlineData("OpenSSH MaxSessions 1", ReadInput, 0, "got []")]
    [InlineData("OpenSSH, sudo with requiretty", ReadInput, 0, "got []")]
    [InlineData("Dropbear", SudoId, 0, "root")]
    [InlineData("tinysshd", SudoId, 0, "root")]
    [InlineData("OpenSSH, sudo with requiretty", SudoId, 1, "sudo: sorry, you must have a tty to run sudo")]
    [InlineData("OpenSSH, noisy ~/.bashrc", ReadInput, 0, "noisy bashrc: hello\ngot []")]
    [InlineData("OpenSSH, /usr/sbin/nologin account", ReadInput, 1, "This account is currently not available.")]
    [InlineData("OpenSSH, /bin/false account", ReadInput, 1, "")]
    [InlineData("OpenSSH, no bash, default shell", LookForBash, 0, "got []\nsh\nno bash")]
    [InlineData("OpenSSH MaxSessions 0", ReadInput, 255, "")]
    public async Task Ssh_without_input_returns_at_once_with_what_the_server_and_account_give(string target, string what, int exitCode, string stdout)
    {
        var command = what switch
        {
            ReadInput => "read x; echo \"got [$x]\"",
            SudoId => $"echo '{TestAccounts.Password}' | sudo -S -p '' id -un 2>&1",
            LookForBash => "read x; echo \"got [$x]\"; echo \"$0\"; command -v bash || echo 'no bash'",
            _ => throw new ArgumentOutOfRangeException(nameof(what)),
        };
        var host = HostMatrix.Cases.First(c => c.Target.Name == target).Target.Host(hosts);

        FabResult result;
        try
        {
            result = await ChildProcess.RunAsync("ssh", [
                "-F", "/dev/null", "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none",
                "-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + host.KnownHostsFile, "-o", "GlobalKnownHostsFile=/dev/null",
                "-i", host.ClientKey, "-p", host.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{host.User}@{host.Address}", command,
            ], Repository.Root, timeout: TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException e)
        {
            Assert.Fail($"ssh {target}, {what}: no answer after 30 s.\n" + e.Message.Replace(TestAccounts.Password, "<password>", StringComparison.Ordinal));
            return;
        }

        Assert.True(exitCode == result.ExitCode && stdout == result.Stdout.TrimEnd('\n'), $"ssh {target}, {what}: expected exit {exitCode} and stdout '{stdout}', got\n{result}");
    }
}
