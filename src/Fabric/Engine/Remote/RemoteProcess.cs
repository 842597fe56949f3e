using System.Text;
using Fabric.Engine.Execution;
using Fabric.Engine.Output;
using Fabric.Engine.Ssh;
using Fabric.Engine.Transport;

namespace Fabric.Engine.Remote;

/// <summary>
/// Runs one command line on a host and follows it to its end: output split into lines as it comes (or stdout copied raw
/// to <see cref="StdoutSink"/>), captured when asked, input given (<see cref="RemoteInput"/>), sudo's password prompt
/// answered when its marker appears (the password goes to the command's input, never to any output). A lost connection or
/// a timeout becomes an <see cref="AbortException"/> naming the host.
/// </summary>
internal sealed class RemoteProcess
{
    public required IRemoteHost Host { get; init; }

    /// <summary>The run's hosts, told when this one's connection is lost; null: nobody to tell.</summary>
    public IRemoteHosts? Hosts { get; init; }

    public required string CommandLine { get; init; }

    /// <summary>What to call the command in messages (the command as the user wrote it).</summary>
    public required string Description { get; init; }

    /// <summary>What the command does, for the message when its connection is lost (default: <c>running 'description'</c>).</summary>
    public string? Activity { get; init; }

    /// <summary>A pseudo-terminal to run on; null: none (stdout and stderr apart).</summary>
    public TerminalSize? Terminal { get; init; }

    /// <summary>Receives stdout bytes as they come; when null, stdout is split into lines for <see cref="OnStdoutLine"/>.</summary>
    public Stream? StdoutSink { get; init; }

    public Action<string>? OnStdoutLine { get; init; }

    public Action<string>? OnStderrLine { get; init; }

    /// <summary>Receives whole lines of stdout that came together, as one block (null: each goes to <see cref="OnStdoutLine"/>).</summary>
    public OutputLines? OnStdoutLines { get; init; }

    /// <summary>Receives whole lines of stderr that came together, as one block (null: each goes to <see cref="OnStderrLine"/>).</summary>
    public OutputLines? OnStderrLines { get; init; }

    /// <summary>Receives the unfinished last line of stdout so far as it grows (null: whole lines only, <c>Env.Linewise</c>).</summary>
    public Action<string>? OnStdoutPartial { get; init; }

    /// <summary>Receives the unfinished last line of stderr so far as it grows, never with a part of a marker (null: whole lines only).</summary>
    public Action<string>? OnStderrPartial { get; init; }

    /// <summary>Keep the output's text for the result (false: pass it on and forget it, memory stays flat).</summary>
    public bool Capture { get; init; } = true;

    /// <summary>Sent to the command's input, then end-of-input. Null: the user's typing on <see cref="Keyboard"/>, else end-of-input at once.</summary>
    public Stream? Stdin { get; init; }

    /// <summary>The terminal whose typing is passed on when there is no <see cref="Stdin"/>; null: none (a parallel run, no terminal).</summary>
    public ITerminal? Keyboard { get; init; }

    /// <summary>
    /// What the command writes on stderr (without a line break) when it will not take the rest of <see cref="Stdin"/>, and
    /// then reads its input to the end without using it: the copy stops at once, and the command's exit and stderr say why.
    /// </summary>
    public string? StdinRefusedMarker { get; init; }

    /// <summary>The marker passed to <c>sudo -p</c>; null for a command without sudo.</summary>
    public string? SudoMarker { get; init; }

    /// <summary>
    /// What the command prints (on its stderr, or its terminal) once sudo let it start: until then its input is sudo's, for
    /// the password; null: the input is the command's from the start.
    /// </summary>
    public string? StartMarker { get; init; }

    /// <summary>Gives the sudo password for the n-th prompt of this command (1-based); null aborts.</summary>
    public Func<int, string?>? SudoPassword { get; init; }

    public TimeSpan? Timeout { get; init; }

    public async Task<RemoteExit> RunAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (Timeout is { } limit)
        {
            timeout.CancelAfter(limit);
        }

        var command = await StartAsync(timeout.Token, cancellationToken).ConfigureAwait(false);
        await using (command.ConfigureAwait(false))
        {
            var run = new Follow(this, command);
            try
            {
                await run.ReadAllAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                command.Signal("KILL");
                throw new AbortException($"Timed out after {Timeout?.TotalSeconds:0.#} s running '{Description}' on {Host.Target.Display}.");
            }
            catch (OperationCanceledException)
            {
                command.Signal("INT");
                throw;
            }
            catch (ConnectionLostException e)
            {
                throw Lost(e);
            }
            finally
            {
                await run.Input.StopAsync().ConfigureAwait(false);
            }

            if (run.SudoFailure is { } failure)
            {
                throw new SudoRefusedException(failure);
            }

            return run.Exit(command.Exit);
        }
    }

    private async Task<IRemoteCommand> StartAsync(CancellationToken token, CancellationToken caller)
    {
        try
        {
            return await Host.StartAsync(new CommandRequest(CommandLine) { Terminal = Terminal }, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested && !caller.IsCancellationRequested)
        {
            throw new AbortException($"Timed out after {Timeout?.TotalSeconds:0.#} s waiting to run '{Description}' on {Host.Target.Display}.");
        }
        catch (ConnectionLostException e)
        {
            throw Lost(e);
        }
    }

    private AbortException Lost(ConnectionLostException e)
    {
        Hosts?.Evict(Host);
        return new AbortException($"Connection to {Host.Target.Display} was lost while {Activity ?? $"running '{Description}'"}: {e.Message}", e);
    }

    /// <summary>One command's run: its two output streams, its input, and what sudo asked.</summary>
    private sealed class Follow
    {
        private readonly RemoteProcess _process;
        private readonly IRemoteCommand _command;
        private readonly LineSplitter _stdout;
        private readonly LineSplitter _stderr;
        private int _prompts;
        private int _answered;
        private bool _started;

        public Follow(RemoteProcess process, IRemoteCommand command)
        {
            _process = process;
            _command = command;
            Input = new RemoteInput(command, pty: process.Terminal is not null);
            _stdout = new LineSplitter(process.OnStdoutLine ?? (_ => { }), process.OnStdoutPartial) { Capture = process.Capture ? new() : null, OnLines = process.OnStdoutLines };
            _stderr = new LineSplitter(process.OnStderrLine ?? (_ => { }), process.OnStderrPartial) { Capture = process.Capture ? new() : null, OnLines = process.OnStderrLines };
            var prompts = process.Terminal is null ? _stderr : _stdout;
            if (process.SudoMarker is { } sudo)
            {
                prompts.Watch(sudo, () => _prompts++);
            }

            if (process.StartMarker is { } start)
            {
                prompts.Watch(start, () => _started = true);
            }

            if (process.StdinRefusedMarker is { } refused)
            {
                _stderr.Watch(refused, Input.Refuse);
            }
        }

        public RemoteInput Input { get; }

        public string? SudoFailure { get; private set; }

        public async Task ReadAllAsync(CancellationToken cancellationToken)
        {
            if (_process.StartMarker is null)
            {
                BeginInput(cancellationToken);
            }

            while (await _command.ReadAsync(cancellationToken).ConfigureAwait(false) is { } chunk)
            {
                if (!chunk.IsStderr && _process.StdoutSink is { } sink)
                {
                    await sink.WriteAsync(chunk.Bytes, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var splitter = chunk.IsStderr ? _stderr : _stdout;
                splitter.Feed(chunk.Bytes.Span);
                if (_answered < _prompts && !await AnswerSudoAsync(cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                if (_started)
                {
                    BeginInput(cancellationToken);
                }

                splitter.ShowPending();
            }

            _stdout.Complete();
            _stderr.Complete();
        }

        public RemoteExit Exit(CommandExit? exit) =>
            new((exit ?? new CommandExit(null, null)).Code, _stdout.Capture, _stderr.Capture);

        private void BeginInput(CancellationToken cancellationToken)
        {
            if (!Input.Begun)
            {
                Input.Begin(_process.Stdin, _process.Keyboard, cancellationToken);
            }
        }

        /// <summary>Answers sudo's latest prompt with the password; false when there is none to give (the run then stops).</summary>
        private async Task<bool> AnswerSudoAsync(CancellationToken cancellationToken)
        {
            _answered = _prompts;
            var password = _process.SudoPassword?.Invoke(_prompts);
            if (password is null)
            {
                var host = _process.Host.Target.Display;
                SudoFailure = _prompts == 1
                    ? $"sudo on {host} needs a password and none was given (use {Ambient.Context.SettingNames.Name(Setting.Password)}, or run on a terminal)."
                    : $"sudo on {host} refused the password.";
                return false;
            }

            await Input.SendAsync(Encoding.UTF8.GetBytes(password + "\n"), cancellationToken).ConfigureAwait(false);
            return true;
        }
    }
}
