using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Fabric.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real <c>dotnet-fab</c> running as a separate process that a test watches while it runs (stdout as it arrives, the
/// start of an unfinished line too) and may interrupt (SIGINT, as Ctrl-C on a terminal sends). Killed with its children
/// if it is still running when disposed.
/// </summary>
internal sealed class FabProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Task _readOut;
    private readonly Task _readErr;

    private FabProcess(Process process)
    {
        _process = process;
        _readOut = Pump(_process.StandardOutput, _stdout);
        _readErr = Pump(_process.StandardError, _stderr);
    }

    /// <summary>Starts <c>dotnet-fab args…</c> from the repository root.</summary>
    public static FabProcess Start(params string[] args)
    {
        // Through `env --default-signal=INT`: a test run started in the background by a shell without job control inherits
        // SIGINT ignored, and the tool rightly keeps it ignored (as `nohup` wants); these tests need Ctrl-C to arrive.
        var start = new ProcessStartInfo("env")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["--default-signal=INT", FabTool.DotnetHost, Path.Combine(AppContext.BaseDirectory, "dotnet-fab.dll"), .. args])
        {
            start.ArgumentList.Add(arg);
        }

        return new FabProcess(Process.Start(start)!);
    }

    public int Id => _process.Id;

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Stdout so far, an unfinished last line included.</summary>
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

    /// <summary>
    /// Waits until stdout holds <paramref name="text"/> <paramref name="count"/> times (two minutes at most by default, a
    /// safety net); fails at once, with the output, when the process ends first.
    /// </summary>
    public async Task WaitForAsync(string text, int count = 1, TimeSpan? timeout = null)
    {
        using var safetyNet = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        while (Occurrences(Stdout, text) < count)
        {
            if (_process.HasExited)
            {
                await Task.WhenAll(_readOut, _readErr);
                if (Occurrences(Stdout, text) >= count)
                {
                    return;
                }

                throw new InvalidOperationException($"dotnet-fab ended without printing '{text}' {count} time(s):\n{Stdout}\n{_stderr}");
            }

            await Task.Delay(20, safetyNet.Token);
        }
    }

    /// <summary>Sends SIGINT, as Ctrl-C does.</summary>
    public async Task InterruptAsync()
    {
        using var kill = Process.Start("kill", ["-INT", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>Waits for the process to end (at most <paramref name="timeout"/>) and returns what it printed.</summary>
    public async Task<FabResult> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        await Task.WhenAll(_readOut, _readErr);
        lock (_stderr)
        {
            return new FabResult(_process.ExitCode, Stdout, _stderr.ToString());
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private static int Occurrences(string text, string piece)
    {
        var count = 0;
        for (var at = text.IndexOf(piece, StringComparison.Ordinal); at >= 0; at = text.IndexOf(piece, at + piece.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
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
