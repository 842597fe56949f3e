using Fabric.EndToEnd.Tests.Infrastructure;

namespace Fabric.EndToEnd.Tests.Hosts;

/// <summary>
/// A <c>requiretty</c> host from a real terminal (tmux), as a person would use it: sudo on a pseudo-terminal asks for the
/// password on the user's terminal, and the answer passes sudo there without ever being shown.
/// </summary>
[Collection(RealHostsGroup.Name)]
public sealed class RequireTtyTerminalTests(RealHosts hosts)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Sudo_on_a_pty_passes_a_requiretty_sudoers_with_the_password_typed_on_the_terminal()
    {
        var host = hosts.Accounts.RequireTty;
        using var terminal = TmuxTerminal.Start(
            Repository.Root,
            FabTool.DotnetHost,
            [FabTool.ToolPath, "-f", RealHosts.Fabfile, "-a", "-i", host.ClientKey, "--known-hosts", host.KnownHostsFile, "--pty", "-H", host.HostString, "sudo-id"]);

        await terminal.WaitForAsync($"[{host.HostString}] sudo password:", Limit);
        terminal.TypeLine(host.Password!);

        await terminal.WaitForAsync($"[{host.HostString}] out: root", Limit);
        Assert.Equal(0, await terminal.ExitCodeAsync(Limit));
        Assert.DoesNotContain(host.Password!, terminal.Screen(), StringComparison.Ordinal);
    }
}
