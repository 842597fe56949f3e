using System.Diagnostics;
using Fabric.EndToEnd.Tests.Ssh;
using Fabric.Engine.Ssh;
using Fabric.Engine.Transport;

namespace Fabric.EndToEnd.Tests.Transport;

/// <summary>What a command gave over the transport (or OpenSSH's <c>ssh</c>): its stdout and stderr bytes, and how it ended.</summary>
internal sealed record Ran(byte[] Stdout, byte[] Stderr, CommandExit? Exit)
{
    public string Out => System.Text.Encoding.UTF8.GetString(Stdout);

    public string Err => System.Text.Encoding.UTF8.GetString(Stderr);
}

/// <summary>Runs commands over the transport as <c>fabtest</c>, and the same through OpenSSH's <c>ssh</c> to compare.</summary>
internal static class TransportRun
{
    /// <summary>Every transport test gives up after this: a hang fails the test instead of the run.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static ConnectionTarget Target(string address, int port, string user = SshdFixture.TestUser) =>
        new($"{user}@{address}:{port}", address, user, port);

    public static Task<IRemoteHost> HostAsync(SshSession session, string address, int port) =>
        ((IRemoteHosts)session.Context.Connections).GetAsync(Target(address, port), CancellationToken.None).WaitAsync(Limit);

    /// <summary>Reads a started command to its end.</summary>
    public static async Task<Ran> DrainAsync(IRemoteCommand command)
    {
        using var stdout = new MemoryStream();
        using var stderr = new MemoryStream();
        while (await command.ReadAsync(CancellationToken.None) is { } chunk)
        {
            (chunk.IsStderr ? stderr : stdout).Write(chunk.Bytes.Span);
        }

        return new Ran(stdout.ToArray(), stderr.ToArray(), command.Exit);
    }

    /// <summary>Runs <paramref name="commandLine"/> (with a terminal of <paramref name="terminal"/>'s size, when given) and reads it to its end.</summary>
    /// <remarks>Input is closed unless on a terminal (where end-of-input is a typed Ctrl-D, not an SSH EOF).</remarks>
    public static async Task<Ran> RunAsync(IRemoteHost host, string commandLine, TerminalSize? terminal = null, byte[]? input = null)
    {
        await using var command = await host.StartAsync(new CommandRequest(commandLine) { Terminal = terminal }, CancellationToken.None).WaitAsync(Limit);
        if (input is not null)
        {
            await command.WriteInputAsync(input, CancellationToken.None).AsTask().WaitAsync(Limit);
        }

        if (terminal is null)
        {
            command.CloseInput();
        }

        return await DrainAsync(command).WaitAsync(Limit);
    }

    /// <summary>The same command through OpenSSH's client (<c>-T</c>, or <c>-tt</c> with a terminal), with the fixture's key and no config.</summary>
    public static async Task<Ran> OpenSshAsync(SshdFixture sshd, string address, int port, string commandLine, bool terminal)
    {
        var start = new ProcessStartInfo("ssh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])[
            "-F", "/dev/null", "-i", sshd.ClientKey, "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
            "-o", "StrictHostKeyChecking=no", "-o", $"UserKnownHostsFile={sshd.Path("openssh_known_hosts")}", "-o", "LogLevel=ERROR",
            terminal ? "-tt" : "-T", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{SshdFixture.TestUser}@{address}", commandLine])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        if (!terminal)
        {
            process.StandardInput.Close();
        }

        using var stdout = new MemoryStream();
        using var stderr = new MemoryStream();
        await Task.WhenAll(
            process.StandardOutput.BaseStream.CopyToAsync(stdout),
            process.StandardError.BaseStream.CopyToAsync(stderr),
            process.WaitForExitAsync()).WaitAsync(Limit);
        return new Ran(stdout.ToArray(), stderr.ToArray(), new CommandExit(process.ExitCode, null));
    }
}
