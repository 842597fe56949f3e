using System.Net.Sockets;
using System.Text;
using Renci.SshNet.Common;

namespace Fabric.Engine.Ssh;

/// <summary>
/// Runs one command line on a connection: stdout streamed as lines (or copied raw to <see cref="StdoutSink"/>),
/// stderr streamed as lines, optional stdin, and sudo's password prompt answered when its marker appears on
/// stderr (the password is written to stdin, never to any output). Failures of the connection or a timeout
/// become an <see cref="AbortException"/> naming the host.
/// </summary>
internal sealed class RemoteProcess
{
    public required SshConnection Connection { get; init; }

    public required string CommandLine { get; init; }

    /// <summary>What to call the command in messages (the command as the user wrote it).</summary>
    public required string Description { get; init; }

    /// <summary>What the command does, for the message when its connection is lost (default: <c>running 'description'</c>).</summary>
    public string? Activity { get; init; }

    /// <summary>Receives stdout bytes as they come; when null, stdout is split into lines for <see cref="OnStdoutLine"/>.</summary>
    public Stream? StdoutSink { get; init; }

    public Action<string>? OnStdoutLine { get; init; }

    public Action<string>? OnStderrLine { get; init; }

    /// <summary>
    /// Receives the unfinished last line of stdout so far as it grows (null: whole lines only, <c>--linewise</c>).
    /// </summary>
    public Action<string>? OnStdoutPartial { get; init; }

    /// <summary>
    /// Receives the unfinished last line of stderr so far as it grows, never with any part of sudo's prompt marker
    /// (null: whole lines only).
    /// </summary>
    public Action<string>? OnStderrPartial { get; init; }

    /// <summary>Copied to the command's stdin, then stdin is closed. Null: stdin is closed at once (unless sudo).</summary>
    public Stream? Stdin { get; init; }

    /// <summary>
    /// What the command writes on stderr (without a line break) when it will not take the rest of <see cref="Stdin"/>, and
    /// then reads stdin to its end without using it: the copy stops at once, stdin is closed, and the command's exit and
    /// stderr (without the marker) say why. Without it a command that fails early would leave the copy waiting for room
    /// in the channel's window until SSH.NET's timeout.
    /// </summary>
    public string? StdinRefusedMarker { get; init; }

    /// <summary>The marker passed to <c>sudo -p</c>; null for a command without sudo.</summary>
    public string? SudoMarker { get; init; }

    /// <summary>Gives the sudo password for the n-th prompt of this command (1-based); null aborts.</summary>
    public Func<int, string?>? SudoPassword { get; init; }

    public TimeSpan? Timeout { get; init; }

    public ConnectionCache? Cache { get; init; }

    public async Task<RemoteExit> RunAsync(CancellationToken cancellationToken)
    {
        var target = Connection.Target;
        await Connection.Channels.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = Connection.Client.CreateCommand(CommandLine, Encoding.UTF8);
            if (Timeout is { } timeout)
            {
                command.CommandTimeout = timeout;
            }

            var stdout = new LineSplitter(OnStdoutLine ?? (_ => { }), OnStdoutPartial);
            var stderr = new LineSplitter(OnStderrLine ?? (_ => { }), StderrPartial());
            string? sudoFailure = null;
            Task execute;
            try
            {
                execute = command.ExecuteAsync(cancellationToken);
            }
            catch (Exception e) when (e is SshException or ObjectDisposedException or InvalidOperationException)
            {
                throw Lost(e);
            }

            // A short command (`true`) may have ended already, and then SSH.NET refuses to make its input stream.
            var input = InputOf(command);
            var inputGate = new Lock();
            var prompts = 0;
            var stdinRefused = false;
            var readOut = Drain(command.OutputStream, chunk =>
            {
                if (StdoutSink is { } sink)
                {
                    sink.Write(chunk.Span);
                }
                else
                {
                    stdout.Feed(chunk.Span);
                    stdout.ShowPending();
                }
            });
            var readErr = Drain(command.ExtendedOutputStream, chunk =>
            {
                stderr.Feed(chunk.Span);
                if (StdinRefusedMarker is not null && stderr.TakeFromPending(StdinRefusedMarker))
                {
                    Volatile.Write(ref stdinRefused, true);
                }

                if (SudoMarker is not null && stderr.TakeFromPending(SudoMarker))
                {
                    prompts++;
                    var password = SudoPassword?.Invoke(prompts);
                    lock (inputGate)
                    {
                        if (password is null)
                        {
                            sudoFailure = prompts == 1
                                ? $"sudo on {target.Display} needs a password and none was given (use -p or Env.SudoPassword, or run on a terminal)."
                                : $"sudo on {target.Display} refused the password.";
                            command.CancelAsync();
                        }
                        else if (input is not null)
                        {
                            input.Write(Encoding.UTF8.GetBytes(password + "\n"));
                            input.Flush();
                        }
                    }
                }

                stderr.ShowPending();
            });

            try
            {
                if (Stdin is not null && input is not null)
                {
                    var stdin = Stdin;
                    await OnOwnThread(() => Copy(stdin, input, () => Volatile.Read(ref stdinRefused), cancellationToken)).ConfigureAwait(false);
                    input.Dispose();
                }
                else if (SudoMarker is null)
                {
                    input?.Dispose();
                }

                await execute.ConfigureAwait(false);
                await Task.WhenAll(readOut, readErr).ConfigureAwait(false);
            }
            catch (SshOperationTimeoutException e)
            {
                throw new AbortException($"Timed out after {Timeout?.TotalSeconds:0.#} s running '{Description}' on {target.Display}.", e);
            }
            catch (Exception e) when (sudoFailure is not null && e is OperationCanceledException or SshException)
            {
                throw new AbortException(sudoFailure);
            }
            catch (Exception e) when (e is SshException or SocketException or ObjectDisposedException or IOException)
            {
                throw Lost(e);
            }
            finally
            {
                lock (inputGate)
                {
                    CloseQuietly(input);
                }
            }

            if (sudoFailure is not null)
            {
                throw new AbortException(sudoFailure);
            }

            stdout.Complete();
            stderr.Complete();
            var exitCode = command.ExitStatus ?? (command.ExitSignal is null ? -1 : 128 + SignalNumber(command.ExitSignal));
            return new RemoteExit(exitCode, stdout.Text.TrimEnd('\n'), stderr.Text.TrimEnd('\n'));
        }
        finally
        {
            Connection.Channels.Release();
        }
    }

    /// <summary>The stderr partial-line callback, holding back anything that may be the start of sudo's prompt marker.</summary>
    private Action<string>? StderrPartial()
    {
        if (OnStderrPartial is not { } onPartial || SudoMarker is not { } marker)
        {
            return OnStderrPartial;
        }

        return text =>
        {
            var safe = Output.SecretMask.SafeLength(text, [marker]);
            if (safe > 0)
            {
                onPartial(text[..safe]);
            }
        };
    }

    private static Stream? InputOf(Renci.SshNet.SshCommand command)
    {
        try
        {
            return command.CreateInputStream();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>
    /// Closes the command's stdin (sending EOF) when the command is over; on a connection that was lost that fails, and the
    /// loss is what gets reported.
    /// </summary>
    private static void CloseQuietly(Stream? input)
    {
        try
        {
            input?.Dispose();
        }
        catch (Exception e) when (e is SshException or SocketException or ObjectDisposedException or IOException)
        {
            // The channel is gone with its connection: there is nothing left to close.
        }
    }

    /// <summary>Hands each chunk of <paramref name="stream"/> to <paramref name="onChunk"/> until it ends, on a thread of its own.</summary>
    private static Task Drain(Stream stream, Action<ReadOnlyMemory<byte>> onChunk) => OnOwnThread(() =>
    {
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            onChunk(buffer.AsMemory(0, read));
        }
    });

    /// <summary>
    /// Copies <paramref name="from"/> into the command's stdin, chunk by chunk, until it ends, the command refuses the rest,
    /// or the run is cancelled.
    /// </summary>
    internal static void Copy(Stream from, Stream to, Func<bool> refused, CancellationToken cancellationToken)
    {
        var buffer = new byte[256 * 1024];
        var written = false;
        int read;
        while (!refused() && (read = from.Read(buffer)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            to.Write(buffer, 0, read);
            written = true;
        }

        if (!written && refused())
        {
            // SSH.NET sends EOF only for a stdin that something was written to, and the refusing command reads its stdin to
            // the end: one byte (which it throws away) lets it end.
            to.WriteByte(0);
        }
    }

    /// <summary>
    /// Runs blocking stream work on a thread of its own. SSH.NET's command streams only block: their async methods are
    /// the base <see cref="Stream"/>'s, which block a thread-pool thread each, for as long as the command runs. A command
    /// with stdin holds three; the pool (as many threads as cores to start with) then starves and adds threads only
    /// slowly: a 200 MB upload through <c>cat</c> took 1.4 s instead of 0.55 s that way.
    /// </summary>
    private static Task OnOwnThread(Action work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private AbortException Lost(Exception e)
    {
        Cache?.Evict(Connection);
        return new AbortException($"Connection to {Connection.Target.Display} was lost while {Activity ?? $"running '{Description}'"}: {e.Message}", e);
    }

    private static int SignalNumber(string signal) => signal switch
    {
        "HUP" => 1,
        "INT" => 2,
        "QUIT" => 3,
        "KILL" => 9,
        "SEGV" => 11,
        "PIPE" => 13,
        "TERM" => 15,
        _ => 0,
    };
}
