using System.Globalization;
using Fabric.EndToEnd.Tests.Infrastructure;

namespace Fabric.EndToEnd.Tests.Hosts;

/// <summary>
/// What OpenSSH's own <c>sftp</c> and <c>ssh</c> do on each transfer target, with the key and known_hosts the tool gets:
/// pins that the servers and accounts are what <see cref="TransferMatrix"/> says they are (SFTP or not, BusyBox or not),
/// so that a failing transfer case is the tool's, and records what users of OpenSSH meet there.
/// </summary>
[Collection(RealHostsGroup.Name)]
public sealed class TransferHostBaselineTests(RealHosts hosts)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("Dropbear with an SFTP server", true)]
    [InlineData("Dropbear without an SFTP server", false)]
    [InlineData("OpenSSH, BusyBox userland, no SFTP", false)]
    [InlineData("OpenSSH, SFTP-only account (ForceCommand internal-sftp)", true)]
    [InlineData("OpenSSH, noisy ~/.bashrc and ~/.bash_profile", false)]
    [InlineData("OpenSSH, /usr/sbin/nologin account", false)]
    [InlineData("OpenSSH, /bin/false account", false)]
    public async Task Sftp_of_OpenSSH_works_exactly_where_the_server_and_account_offer_it(string target, bool works)
    {
        var host = TransferMatrix.Find(target).Host(hosts);
        var batch = Path.GetTempFileName();
        await File.WriteAllTextAsync(batch, "pwd\n");
        try
        {
            var result = await OpenSsh("sftp", host, ["-b", batch, $"{host.User}@{host.Address}"]);
            Assert.True(works == (result.ExitCode == 0), $"sftp {target}: expected it to {(works ? "work" : "fail")}, got\n{ToolOutput.Mask(result.ToString(), host)}");
        }
        finally
        {
            File.Delete(batch);
        }
    }

    [Fact]
    public async Task The_BusyBox_host_shows_its_account_BusyBox_alone_as_sh_find_and_stat_and_no_bash()
    {
        var host = hosts.BusyBox.Host;
        var result = await OpenSsh("ssh", host, [
            $"{host.User}@{host.Address}",
            "readlink -f /bin/sh; find --help 2>&1 | head -n 1; stat --version 2>&1 | head -n 1; command -v bash || echo 'no bash'; echo \"$PATH\"",
        ]);

        var lines = result.Stdout.TrimEnd('\n').Split('\n');
        Assert.True(
            result.ExitCode == 0 && lines.Length == 5 && lines[0] == "/usr/bin/busybox" && lines[1].StartsWith("BusyBox v", StringComparison.Ordinal)
                && lines[2].Contains("unrecognized option", StringComparison.Ordinal) && lines[3] == "no bash",
            $"expected /bin/sh to be /usr/bin/busybox, find and stat BusyBox's (stat without --version), no bash; got\n{result}");
    }

    [Fact]
    public async Task The_SFTP_only_account_runs_no_command()
    {
        var host = hosts.Accounts.SftpOnly;
        var result = await OpenSsh("ssh", host, [$"{host.User}@{host.Address}", "echo ran"]);

        Assert.True(result.ExitCode != 0 && !result.Stdout.Contains("ran", StringComparison.Ordinal), $"expected the command refused, got\n{result}");
    }

    private static async Task<FabResult> OpenSsh(string program, RealHost host, string[] args)
    {
        string[] options =
        [
            "-F", "/dev/null", "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none",
            "-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + host.KnownHostsFile, "-o", "GlobalKnownHostsFile=/dev/null",
            "-i", host.ClientKey, program == "sftp" ? "-P" : "-p", host.Port.ToString(CultureInfo.InvariantCulture),
        ];
        try
        {
            return await ChildProcess.RunAsync(program, [.. options, .. args], Repository.Root, timeout: Limit);
        }
        catch (TimeoutException e)
        {
            Assert.Fail($"{program} {host.HostString}: no answer after {Limit.TotalSeconds:0} s.\n{ToolOutput.Mask(e.Message, host)}");
            throw;
        }
    }
}
