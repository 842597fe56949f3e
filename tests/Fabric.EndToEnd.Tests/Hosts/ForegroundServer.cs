using System.Collections.Concurrent;
using System.Diagnostics;

namespace Fabric.EndToEnd.Tests.Hosts;

/// <summary>
/// A server that stays in the foreground as a child of the tests (<c>dropbear -F</c>, <c>tcpserver</c>): what it
/// prints is kept as its log, and disposing kills it with every per-connection process it started.
/// </summary>
internal sealed class ForegroundServer : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();

    public ForegroundServer(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Pid => _process.Id;

    /// <summary>What the server printed so far, and whether it has exited.</summary>
    public string Log() => string.Join('\n', _log) + (_process.HasExited ? $"\n(exited with {_process.ExitCode})" : "");

    public void Dispose()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // It had exited already.
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _log.Enqueue(line);
        }
    }
}
