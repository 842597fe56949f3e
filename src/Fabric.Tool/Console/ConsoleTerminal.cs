using System.Runtime.InteropServices;
using Fabric.Engine.Remote;
using Fabric.Engine.Transport;

namespace Fabric.Tool.Console;

/// <summary>
/// The terminal <c>dotnet fab</c> runs on, for remote commands that read what the user types and for <c>OpenShell</c>.
/// Standard input is read only while a command takes it (polled, so that a password prompt between two commands still gets
/// its own answer), in the terminal's own line editing, or — for a remote pseudo-terminal — raw: each key as typed, no
/// local echo, Ctrl-C passed on, the terminal's mode put back afterwards whatever happens.
/// </summary>
internal sealed partial class ConsoleTerminal : ITerminal
{
    private const int StandardInput = 0;
    private readonly Lock _gate = new();
    private readonly Stream _screen = System.Console.OpenStandardOutput();
    private readonly TerminalStatusLine? _lines;

    private ConsoleTerminal(TerminalStatusLine? lines) => _lines = lines;

    /// <summary>A terminal when both standard input and output are one (not redirected), on Linux or macOS; else null.</summary>
    /// <param name="lines">Where lines of output are written: what waits there is written before raw output.</param>
    public static ConsoleTerminal? ForThisConsole(TerminalStatusLine? lines = null) =>
        System.Console.IsInputRedirected || System.Console.IsOutputRedirected || OperatingSystem.IsWindows() ? null : new ConsoleTerminal(lines);

    public TerminalSize Size
    {
        get
        {
            var term = Environment.GetEnvironmentVariable("TERM");
            return new TerminalSize(Math.Max(1, System.Console.WindowWidth), Math.Max(1, System.Console.WindowHeight))
            {
                Term = string.IsNullOrEmpty(term) ? "xterm" : term,
            };
        }
    }

    public IDisposable Forward(Action<ReadOnlyMemory<byte>> forward, Action onEnd, bool raw)
    {
        var reader = new Reader(forward, onEnd, raw ? RawMode.Enter() : null);
        reader.Start();
        return reader;
    }

    /// <summary>Follows the window's size through <c>SIGWINCH</c>, which the terminal sends the process when it changes.</summary>
    public IDisposable WatchSize(Action<TerminalSize> resized)
    {
        ArgumentNullException.ThrowIfNull(resized);
        return OperatingSystem.IsWindows() ? new CancellationTokenRegistration() : PosixSignalRegistration.Create(PosixSignal.SIGWINCH, _ => resized(Size));
    }

    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        _lines?.Flush();
        lock (_gate)
        {
            _screen.Write(bytes);
            _screen.Flush();
        }
    }

    /// <summary>Reads standard input on a thread of its own until disposed or the user ends the input.</summary>
    private sealed class Reader(Action<ReadOnlyMemory<byte>> forward, Action onEnd, RawMode? mode) : IDisposable
    {
        private volatile bool _stopped;
        private Thread? _running;

        public void Start()
        {
            _running = new Thread(Loop) { IsBackground = true, Name = "terminal input" };
            _running.Start();
        }

        public void Dispose()
        {
            _stopped = true;
            if (_running is { } thread && thread != Thread.CurrentThread)
            {
                thread.Join();
            }

            mode?.Dispose();
        }

        private void Loop()
        {
            var buffer = new byte[4096];
            while (!_stopped)
            {
                var ready = Native.WaitReadable(StandardInput, 50);
                if (ready <= 0 || _stopped)
                {
                    continue;
                }

                var read = Native.Read(StandardInput, buffer);
                if (read <= 0)
                {
                    onEnd();
                    return;
                }

                forward(buffer.AsMemory(0, read));
            }
        }
    }

    /// <summary>The terminal in raw mode (<c>cfmakeraw</c>) until disposed, then as it was.</summary>
    private sealed class RawMode : IDisposable
    {
        private readonly byte[] _saved;
        private int _restored;

        private RawMode(byte[] saved) => _saved = saved;

        public static RawMode? Enter()
        {
            // termios is opaque here: its layout differs between systems, and libc's cfmakeraw knows it.
            var saved = new byte[256];
            if (Native.GetAttributes(StandardInput, saved) != 0)
            {
                return null;
            }

            var raw = (byte[])saved.Clone();
            Native.MakeRaw(raw);
            Native.SetAttributes(StandardInput, 0, raw);
            var mode = new RawMode(saved);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => mode.Dispose();
            return mode;
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _restored, 1) == 0)
            {
                Native.SetAttributes(StandardInput, 0, _saved);
            }
        }
    }

    private static partial class Native
    {
        /// <summary>poll(2) on one descriptor for input: 1 ready, 0 timed out, -1 error.</summary>
        public static int WaitReadable(int fd, int milliseconds)
        {
            var pollFd = new PollFd { Fd = fd, Events = 1 };
            return Poll(ref pollFd, 1, milliseconds);
        }

        public static int Read(int fd, byte[] buffer) => (int)ReadBytes(fd, buffer, buffer.Length);

        [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
        private static partial int Poll(ref PollFd fds, nuint count, int timeout);

        [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
        private static partial nint ReadBytes(int fd, [Out] byte[] buffer, nint count);

        [LibraryImport("libc", EntryPoint = "tcgetattr", SetLastError = true)]
        public static partial int GetAttributes(int fd, [Out] byte[] termios);

        [LibraryImport("libc", EntryPoint = "tcsetattr", SetLastError = true)]
        public static partial int SetAttributes(int fd, int when, [In] byte[] termios);

        [LibraryImport("libc", EntryPoint = "cfmakeraw")]
        public static partial void MakeRaw([In, Out] byte[] termios);

        [StructLayout(LayoutKind.Sequential)]
        private struct PollFd
        {
            public int Fd;
            public short Events;
            public short Revents;
        }
    }
}
