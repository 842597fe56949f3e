using System.Diagnostics;
using System.Threading.Channels;
using Fabric.Engine.Ssh;
using Fabric.Engine.Transport;
using Fabric.Engine.Transport.Sftp;

namespace Fabric.Tests.Engine.Transfers;

/// <summary>
/// A "host" that is local processes: an exec request runs under <c>busybox sh</c> with BusyBox applets only on its PATH
/// (or, with <c>gnu</c>, under <c>/bin/sh</c> with this machine's GNU tools), and a <c>sudo</c> that just runs the command;
/// the <c>sftp</c> subsystem is OpenSSH's own <c>sftp-server</c>, both in <see cref="Home"/>. What the transfer engine does
/// here is what it does over SSH, minus the SSH.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal sealed class LocalHost : IRemoteHost, IDisposable
{
    private readonly string _path;

    /// <param name="sftp">Offer the SFTP subsystem (false: refuse it, as a Dropbear without sftp-server does).</param>
    /// <param name="noise">What the account's shell prints before each command and before the SFTP server (a noisy ~/.bashrc).</param>
    /// <param name="gnu">Run commands under <c>/bin/sh</c> with the GNU tools of <c>/usr/bin</c> instead of BusyBox.</param>
    public LocalHost(bool sftp = true, string noise = "", bool gnu = false)
    {
        Sftp = sftp;
        Noise = noise;
        Gnu = gnu;
        Home = Directory.CreateTempSubdirectory("fabric-localhost-").FullName;
        _path = gnu ? "/usr/bin:/bin" : BusyBoxShell.PathWithout();
        var sudo = Path.Combine(Directory.CreateTempSubdirectory("fabric-sudo-").FullName, "sudo");
        File.WriteAllText(sudo, "#!/usr/bin/busybox sh\nshift 3\nexec \"$@\"\n");
        File.SetUnixFileMode(sudo, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
        _path = Path.GetDirectoryName(sudo) + ":" + _path;
    }

    public bool Sftp { get; }

    public bool Gnu { get; }

    public string Noise { get; }

    public string Home { get; }

    /// <summary>Every command line started, in order.</summary>
    public List<string> Commands { get; } = [];

    public List<SftpFiles> Opened { get; } = [];

    public ConnectionTarget Target { get; } = new("deploy@web1", "web1", "deploy", 22);

    public SudoState Sudo { get; } = new();

    public Task<IRemoteCommand> StartAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Subsystem is not null)
        {
            return Sftp
                ? Task.FromResult<IRemoteCommand>(new LocalProcessCommand("/usr/bin/busybox", ["sh", "-c", $"printf %s \"$0\"; exec /usr/lib/openssh/sftp-server", Noise], Home, _path))
                : throw new SubsystemUnavailableException("the server has no sftp subsystem");
        }

        lock (Commands)
        {
            Commands.Add(request.CommandLine!);
        }

        var line = request.CommandLine!.Replace("/bin/sh -c", "sh -c", StringComparison.Ordinal);
        return Task.FromResult<IRemoteCommand>(Gnu
            ? new LocalProcessCommand("/bin/sh", ["-c", $"printf %s \"$0\"; {line}", Noise], Home, _path)
            : new LocalProcessCommand("/usr/bin/busybox", ["sh", "-c", $"printf %s \"$0\"; {line}", Noise], Home, _path));
    }

    public async Task<IRemoteFiles?> FilesAsync(CancellationToken cancellationToken)
    {
        var files = new SftpFiles(async ct => await SftpChannel.StartAsync(await StartAsync(new CommandRequest(null) { Subsystem = "sftp" }, ct), ct));
        try
        {
            await files.ConnectAsync(cancellationToken);
            Opened.Add(files);
            return files;
        }
        catch (SubsystemUnavailableException)
        {
            return null;
        }
    }

    /// <summary>Removes the home with rm: .NET cannot name a file whose name is not UTF-8.</summary>
    public void Dispose() => BusyBoxShell.Run($"rm -rf '{Home}'");
}

/// <summary>A local process as a remote command: its stdin, stdout and stderr, and its exit code.</summary>
internal sealed class LocalProcessCommand : IRemoteCommand
{
    private readonly Process _process;
    private readonly Channel<OutputChunk> _output = Channel.CreateUnbounded<OutputChunk>();
    private readonly Task _pumps;

    public LocalProcessCommand(string program, string[] args, string directory, string path)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Clear();
        start.Environment["PATH"] = path;
        start.Environment["HOME"] = directory;
        _process = Process.Start(start)!;
        _pumps = Task.WhenAll(Pump(_process.StandardOutput.BaseStream, false), Pump(_process.StandardError.BaseStream, true))
            .ContinueWith(async _ =>
            {
                await _process.WaitForExitAsync();
                Exit = new CommandExit(_process.ExitCode, null);
                _output.Writer.TryComplete();
            }, TaskScheduler.Default).Unwrap();
    }

    public CommandExit? Exit { get; private set; }

    private Task Pump(Stream stream, bool stderr) => Task.Run(async () =>
    {
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            await _output.Writer.WriteAsync(new OutputChunk(stderr, buffer.AsMemory(0, read).ToArray()));
        }
    });

    public async ValueTask<OutputChunk?> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _output.Reader.ReadAsync(cancellationToken);
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    public async ValueTask WriteInputAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        try
        {
            await _process.StandardInput.BaseStream.WriteAsync(data, cancellationToken);
            await _process.StandardInput.BaseStream.FlushAsync(cancellationToken);
        }
        catch (IOException)
        {
            // The command ended and does not read any more: the rest is dropped, as over SSH.
        }
    }

    public void CloseInput()
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
        }
    }

    public void Resize(TerminalSize size)
    {
    }

    public void Signal(string name)
    {
    }

    public async ValueTask DisposeAsync()
    {
        CloseInput();
        if (!_process.WaitForExit(10_000))
        {
            _process.Kill(entireProcessTree: true);
        }

        await _pumps;
        _process.Dispose();
    }
}
