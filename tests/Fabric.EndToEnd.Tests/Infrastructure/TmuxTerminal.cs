using System.Diagnostics;
using System.Globalization;

namespace Fabric.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A program run on a real terminal (tmux, on a server socket of its own), driven as a person would: wait until the screen
/// shows something, type, read the screen. The program's exit code is written to a file when it ends.
/// </summary>
internal sealed class TmuxTerminal : IDisposable
{
    private readonly string _socket = "fabtest-" + Guid.NewGuid().ToString("N")[..10];
    private readonly string _exitFile = Path.Combine(Path.GetTempPath(), $"fabtest-exit-{Guid.NewGuid():N}");

    private TmuxTerminal()
    {
    }

    /// <summary>Starts <paramref name="program"/> with <paramref name="args"/> in <paramref name="workingDirectory"/> on a 200 × 50 terminal.</summary>
    public static TmuxTerminal Start(string workingDirectory, string program, IEnumerable<string> args)
    {
        var terminal = new TmuxTerminal();
        var command = string.Join(' ', new[] { program }.Concat(args).Select(Quote)) + $"; echo $? > {Quote(terminal._exitFile)}; sleep 600";
        terminal.Tmux("new-session", "-d", "-x", "200", "-y", "50", "-c", workingDirectory, "sh", "-c", "TERM=xterm; export TERM; " + command);
        return terminal;
    }

    /// <summary>What the screen shows now, with lines that wrapped joined.</summary>
    public string Screen() => Tmux("capture-pane", "-p", "-J", "-S", "-200");

    /// <summary>Waits until the screen shows <paramref name="text"/>; fails with the screen when it does not in time.</summary>
    public async Task WaitForAsync(string text, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (!Screen().Contains(text, StringComparison.Ordinal))
        {
            if (clock.Elapsed > (timeout ?? TimeSpan.FromSeconds(60)))
            {
                throw new TimeoutException($"The terminal never showed '{text}'. It shows:\n{Screen()}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Types <paramref name="text"/> then Enter.</summary>
    public void TypeLine(string text)
    {
        Tmux("send-keys", "-l", text);
        Tmux("send-keys", "Enter");
    }

    /// <summary>Makes the terminal's window <paramref name="columns"/> × <paramref name="rows"/>, as a user dragging its edge would.</summary>
    public void Resize(int columns, int rows) =>
        Tmux("resize-window", "-x", columns.ToString(CultureInfo.InvariantCulture), "-y", rows.ToString(CultureInfo.InvariantCulture));

    /// <summary>Waits for the program to end and returns its exit code.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (!File.Exists(_exitFile) || File.ReadAllText(_exitFile).Trim().Length == 0)
        {
            if (clock.Elapsed > (timeout ?? TimeSpan.FromSeconds(60)))
            {
                throw new TimeoutException($"The program did not end. The terminal shows:\n{Screen()}");
            }

            await Task.Delay(100);
        }

        return int.Parse(File.ReadAllText(_exitFile).Trim(), CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        try
        {
            Tmux("kill-server");
        }
        catch (InvalidOperationException)
        {
        }

        File.Delete(_exitFile);
    }

    private string Tmux(params string[] args)
    {
        var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-L");
        start.ArgumentList.Add(_socket);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"tmux {string.Join(' ', args)} failed: {error}");
    }

    private static string Quote(string arg) => "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
