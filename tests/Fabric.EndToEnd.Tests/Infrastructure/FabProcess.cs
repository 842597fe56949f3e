using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Fabric.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real <c>dotnet-fab</c> running as a separate process that a test watches line by line and interrupts
/// (SIGINT, as Ctrl-C on a terminal sends) while it runs. Killed with its children if it is still running when disposed.
/// </summary>
internal sealed class FabProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource Seen)> _waiters = [];
    private readonly Task<string> _stderr;

    private FabProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.BeginOutputReadLine();
        _stderr = _process.StandardError.ReadToEndAsync();
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

    /// <summary>The stdout lines so far.</summary>
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

    /// <summary>Waits until <paramref name="count"/> stdout lines (counting those already seen) contain <paramref name="text"/>.</summary>
    public Task WaitForLinesAsync(string text, int count = 1, TimeSpan? timeout = null)
    {
        var seen = 0;
        var waiter = (Match: (Func<string, bool>)(line => line.Contains(text, StringComparison.Ordinal) && ++seen >= count), Seen: new TaskCompletionSource());
        lock (_stdout)
        {
            foreach (var line in _stdout.ToString().Split('\n'))
            {
                if (waiter.Match(line))
                {
                    return Task.CompletedTask;
                }
            }

            _waiters.Add(waiter);
        }

        return waiter.Seen.Task.WaitAsync(timeout ?? TimeSpan.FromMinutes(2));
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
        _process.WaitForExit(); // drains the asynchronous stdout reader
        return new FabResult(_process.ExitCode, Stdout, await _stderr);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_stdout)
        {
            _stdout.Append(line).Append('\n');
            foreach (var waiter in _waiters.Where(w => w.Match(line)).ToList())
            {
                waiter.Seen.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }
}
