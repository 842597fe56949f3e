using System.Diagnostics;
using System.Text;

namespace Fabric.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real <c>dotnet-fab</c> as a separate process whose output can be watched while it runs: a test waits for a
/// piece of output, then lets the remote command go on.
/// </summary>
internal sealed class StreamingFab : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Task _readOut;
    private readonly Task _readErr;

    public StreamingFab(string workingDirectory, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(FabTool.DotnetHost)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(System.IO.Path.Combine(AppContext.BaseDirectory, "dotnet-fab.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start)!;
        _process.StandardInput.Close();
        _readOut = Pump(_process.StandardOutput, _stdout);
        _readErr = Pump(_process.StandardError, _stderr);
    }

    /// <summary>Stdout so far.</summary>
    public string Stdout
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    /// <summary>Waits until stdout holds <paramref name="text"/> (a minute at most, as a safety net).</summary>
    public async Task WaitForAsync(string text)
    {
        using var safetyNet = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (!Stdout.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited)
            {
                await Task.WhenAll(_readOut, _readErr);
                if (Stdout.Contains(text, StringComparison.Ordinal))
                {
                    return;
                }

                throw new InvalidOperationException($"dotnet-fab ended without printing '{text}':\n{Stdout}\n{_stderr}");
            }

            await Task.Delay(20, safetyNet.Token);
        }
    }

    /// <summary>Waits for the end (three minutes at most) and returns what it printed.</summary>
    public async Task<FabResult> EndAsync()
    {
        using var safetyNet = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await _process.WaitForExitAsync(safetyNet.Token);
        await Task.WhenAll(_readOut, _readErr);
        return new FabResult(_process.ExitCode, Stdout, _stderr.ToString());
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private static async Task Pump(StreamReader reader, StringBuilder into)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            lock (into)
            {
                into.Append(buffer, 0, read);
            }
        }
    }
}
