using Fabric.EndToEnd.Tests.Infrastructure;

namespace Fabric.EndToEnd.Tests.Ssh;

/// <summary>The tool on a real terminal (tmux): what the user types reaches remote commands, and OpenShell is a shell.</summary>
[Collection(SshdGroup.Name)]
public sealed class TerminalTests(SshdFixture sshd) : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);
    private readonly string _knownHosts = sshd.Path($"known_hosts-terminal-{Guid.NewGuid():N}");

    private string Host => $"{SshdFixture.TestUser}@{SshdFixture.Address(1)}:{sshd.Port}";

    private TmuxTerminal Fab(params string[] args) => TmuxTerminal.Start(
        Repository.Root,
        FabTool.DotnetHost,
        [FabTool.ToolPath, "-f", Repository.Path("tests", "fabfiles", "remote"), "-i", sshd.ClientKey, "--known-hosts", _knownHosts, "-u", SshdFixture.OpsUser, "-H", Host, .. args]);

    [Fact]
    public async Task Typed_input_reaches_a_remote_read()
    {
        using var terminal = Fab("read-line");

        await terminal.WaitForAsync($"[{Host}] run: read x", Limit);
        terminal.TypeLine("hello there");

        await terminal.WaitForAsync($"[{Host}] out: got [hello there]", Limit);
        Assert.Equal(0, await terminal.ExitCodeAsync(Limit));
    }

    [Fact]
    public async Task OpenShell_runs_a_typed_command_and_returns_when_the_shell_exits()
    {
        using var terminal = Fab("shell");

        await terminal.WaitForAsync($"[{Host}] open_shell", Limit);
        terminal.TypeLine("echo from-the-shell-$((6*7)); tty");
        await terminal.WaitForAsync("from-the-shell-42", Limit);
        await terminal.WaitForAsync("/dev/pts/", Limit);
        terminal.TypeLine("exit");

        await terminal.WaitForAsync("Done.", Limit);
        Assert.Equal(0, await terminal.ExitCodeAsync(Limit));
    }

    [Fact]
    public async Task OpenShell_follows_the_terminal_window_when_it_changes_size()
    {
        using var terminal = Fab("shell");
        await terminal.WaitForAsync($"[{Host}] open_shell", Limit);
        terminal.TypeLine("echo size-$(stty size | tr ' ' x)");
        await terminal.WaitForAsync("size-50x200", Limit);

        terminal.Resize(120, 40);
        await Task.Delay(500);
        terminal.TypeLine("echo now-$(stty size | tr ' ' x)");

        await terminal.WaitForAsync("now-40x120", Limit);
        terminal.TypeLine("exit");
        Assert.Equal(0, await terminal.ExitCodeAsync(Limit));
    }

    public void Dispose() => File.Delete(_knownHosts);
}
