using System.Text;
using Fabric.EndToEnd.Tests.Ssh;
using Fabric.Engine.Transport;

namespace Fabric.EndToEnd.Tests.Transport;

/// <summary>
/// Commands on the transport's own session channels (SSH.NET's internal API): output byte for byte and the exit as OpenSSH's
/// <c>ssh</c> gets them, with and without a pseudo-terminal; input and its end; signals; the terminal's size.
/// </summary>
[Collection(SshdGroup.Name)]
public sealed class ExecTests(SshdFixture sshd)
{
    private const string Mixed = "printf 'a\\0b\\377\\n'; printf 'err\\n' >&2; printf 'tail-no-newline'; exit 7";

    private Task<IRemoteHost> HostAsync(SshSession session) => TransportRun.HostAsync(session, SshdFixture.Address(0), sshd.Port);

    [Fact]
    public async Task Without_a_terminal_stdout_stderr_and_exit_status_are_exactly_what_ssh_T_gets()
    {
        await using var session = new SshSession(sshd.Options());
        var host = await HostAsync(session);

        var ours = await TransportRun.RunAsync(host, Mixed);
        var openSsh = await TransportRun.OpenSshAsync(sshd, SshdFixture.Address(0), sshd.Port, Mixed, terminal: false);

        Assert.Equal([(byte)'a', 0, (byte)'b', 0xff, (byte)'\n', .. "tail-no-newline"u8.ToArray()], ours.Stdout);
        Assert.Equal(openSsh.Stdout, ours.Stdout);
        Assert.Equal(openSsh.Stderr, ours.Stderr);
        Assert.Equal("err\n", ours.Err);
        Assert.Equal(new CommandExit(7, null), ours.Exit);
        Assert.Equal(7, openSsh.Exit!.Code);
    }

    [Fact]
    public async Task With_a_terminal_output_and_exit_status_are_exactly_what_ssh_tt_gets()
    {
        await using var session = new SshSession(sshd.Options());
        var host = await HostAsync(session);

        var ours = await TransportRun.RunAsync(host, Mixed, TerminalSize.Default);
        var openSsh = await TransportRun.OpenSshAsync(sshd, SshdFixture.Address(0), sshd.Port, Mixed, terminal: true);

        Assert.Equal(openSsh.Stdout, ours.Stdout);
        Assert.Empty(ours.Stderr);
        Assert.Contains("err\r\n", ours.Out, StringComparison.Ordinal);
        Assert.Equal(new CommandExit(7, null), ours.Exit);
        Assert.Equal(7, openSsh.Exit!.Code);
    }

    [Fact]
    public async Task Tty_reports_a_terminal_only_when_one_was_asked_for()
    {
        await using var session = new SshSession(sshd.Options());
        var host = await HostAsync(session);

        var without = await TransportRun.RunAsync(host, "tty");
        var with = await TransportRun.RunAsync(host, "tty", TerminalSize.Default);

        Assert.Equal("not a tty\n", without.Out);
        Assert.Equal(1, without.Exit!.Status);
        Assert.StartsWith("/dev/pts/", with.Out, StringComparison.Ordinal);
        Assert.Equal(0, with.Exit!.Status);
    }

    [Fact]
    public async Task The_terminal_has_the_size_asked_for_and_its_type_and_Resize_changes_it()
    {
        await using var session = new SshSession(sshd.Options());
        var host = await HostAsync(session);
        var size = new TerminalSize(132, 43) { Term = "vt100" };

        var first = await TransportRun.RunAsync(host, "stty size; echo $TERM", size);
        await using var command = await host.StartAsync(new CommandRequest("read line; stty size") { Terminal = size }, CancellationToken.None).WaitAsync(TransportRun.Limit);
        command.Resize(new TerminalSize(100, 30));
        await command.WriteInputAsync("go\r"u8.ToArray(), CancellationToken.None).AsTask().WaitAsync(TransportRun.Limit);
        var resized = await TransportRun.DrainAsync(command).WaitAsync(TransportRun.Limit);

        Assert.Equal("43 132\r\nvt100\r\n", first.Out);
        Assert.EndsWith("30 100\r\n", resized.Out, StringComparison.Ordinal);
        Assert.Equal(0, resized.Exit!.Status);
    }

    [Fact]
    public async Task Input_reaches_the_command_byte_for_byte_and_its_end_ends_cat()
    {
        await using var session = new SshSession(sshd.Options());
        var host = await HostAsync(session);
        var input = new byte[3 * 1024 * 1024 + 17];
        new Random(13).NextBytes(input);

        var ran = await TransportRun.RunAsync(host, "sha256sum; cat /dev/null", input: input);

        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(input));
        Assert.Equal($"{expected}  -\n", ran.Out);
        Assert.Equal(0, ran.Exit!.Status);
    }

    [Fact]
    public async Task End_of_input_with_nothing_written_ends_a_command_that_reads_it()
    {
        await using var session = new SshSession(sshd.Options());
        var host = await HostAsync(session);

        var ran = await TransportRun.RunAsync(host, "cat; read x; echo read=$?");

        Assert.Equal("read=1\n", ran.Out);
    }

    [Fact]
    public async Task A_command_killed_by_a_signal_reports_the_signal()
    {
        await using var session = new SshSession(sshd.Options());
        var host = await HostAsync(session);

        var ran = await TransportRun.RunAsync(host, "exec sh -c 'kill -TERM $$'");

        Assert.Equal(new CommandExit(null, "TERM"), ran.Exit);
        Assert.Equal(143, ran.Exit!.Code);
    }

    [Fact]
    public async Task Signal_reaches_the_command()
    {
        await using var session = new SshSession(sshd.Options());
        var host = await HostAsync(session);
        await using var command = await host.StartAsync(new CommandRequest("echo up; exec sleep 30"), CancellationToken.None).WaitAsync(TransportRun.Limit);

        // Once the command runs: sshd signals the command's process group, which exists only once its child has called
        // setsid; a signal sent in the moment after the exec request can find none and is dropped (a clean-clone run did).
        Assert.NotNull(await command.ReadAsync(CancellationToken.None).AsTask().WaitAsync(TransportRun.Limit));
        command.Signal("KILL");
        var ran = await TransportRun.DrainAsync(command).WaitAsync(TransportRun.Limit);

        Assert.Equal("KILL", ran.Exit!.Signal);
    }

    [Fact]
    public async Task CloseInput_after_the_command_ended_and_after_dispose_does_not_throw()
    {
        await using var session = new SshSession(sshd.Options());
        var host = await HostAsync(session);
        var command = await host.StartAsync(new CommandRequest("true"), CancellationToken.None).WaitAsync(TransportRun.Limit);

        var ran = await TransportRun.DrainAsync(command).WaitAsync(TransportRun.Limit);
        command.CloseInput();
        command.CloseInput();
        await command.WriteInputAsync("late"u8.ToArray(), CancellationToken.None).AsTask().WaitAsync(TransportRun.Limit);
        await command.DisposeAsync();
        command.CloseInput();

        Assert.Equal(0, ran.Exit!.Status);
    }

    [Fact]
    public async Task The_login_shell_starts_without_a_command_line()
    {
        await using var session = new SshSession(sshd.Options());
        var host = await HostAsync(session);
        await using var command = await host.StartAsync(new CommandRequest(null), CancellationToken.None).WaitAsync(TransportRun.Limit);

        await command.WriteInputAsync(Encoding.ASCII.GetBytes("echo shell-$((6*7)); exit 4\n"), CancellationToken.None).AsTask().WaitAsync(TransportRun.Limit);
        command.CloseInput();
        var ran = await TransportRun.DrainAsync(command).WaitAsync(TransportRun.Limit);

        Assert.Contains("shell-42\n", ran.Out, StringComparison.Ordinal);
        Assert.Equal(4, ran.Exit!.Status);
    }
}
