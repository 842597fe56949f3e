using System.Text;
using System.Threading.Channels;
using Fabric.Engine.Ssh;
using Fabric.Engine.Transport;

namespace Fabric.Tests.Engine.Remote;

/// <summary>The run's hosts, all fakes: each command a host starts runs <see cref="FakeRemoteHost.Script"/>.</summary>
internal sealed class FakeRemoteHosts : IRemoteHosts
{
    private readonly Dictionary<string, FakeRemoteHost> _hosts = [];

    public List<IRemoteHost> Evicted { get; } = [];

    /// <summary>What every host's commands do unless the host has its own script.</summary>
    public Func<FakeRemoteCommand, Task<int>> Script { get; set; } = _ => Task.FromResult(0);

    public FakeRemoteHost this[string display] => _hosts[display];

    /// <summary>How many hosts were connected to.</summary>
    public int Count => _hosts.Count;

    /// <summary>Scripts of hosts (as displayed) that have their own, for hosts not connected to yet.</summary>
    public Dictionary<string, Func<FakeRemoteCommand, Task<int>>> Scripts { get; } = [];

    /// <summary>Hosts (as displayed) that cannot be reached: connecting to one fails as a refused connection does.</summary>
    public HashSet<string> Unreachable { get; } = [];

    /// <summary>How many times a connection to an unreachable host was tried.</summary>
    public int UnreachableAttempts { get; private set; }

    public Task<IRemoteHost> GetAsync(ConnectionTarget target, CancellationToken cancellationToken)
    {
        lock (_hosts)
        {
            if (Unreachable.Contains(target.Display))
            {
                UnreachableAttempts++;
                throw new UnreachableHostException(target.Display, $"Could not connect to {target.Display}: connection refused.", new IOException("refused"));
            }

            if (!_hosts.TryGetValue(target.Display, out var host))
            {
                _hosts[target.Display] = host = new FakeRemoteHost(target, this);
            }

            return Task.FromResult<IRemoteHost>(host);
        }
    }

    public void Evict(IRemoteHost host) => Evicted.Add(host);

    public void Debug(ConnectionTarget target, string message)
    {
    }
}

internal sealed class FakeRemoteHost(ConnectionTarget target, FakeRemoteHosts hosts) : IRemoteHost
{
    public ConnectionTarget Target { get; } = target;

    public SudoState Sudo { get; } = new();

    public List<FakeRemoteCommand> Commands { get; } = [];

    public Func<FakeRemoteCommand, Task<int>>? Script { get; set; }

    public Task<IRemoteCommand> StartAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var command = new FakeRemoteCommand(request);
        lock (Commands)
        {
            Commands.Add(command);
        }

        command.Start(Script ?? (hosts.Scripts.TryGetValue(Target.Display, out var own) ? own : hosts.Script));
        return Task.FromResult<IRemoteCommand>(command);
    }

    public Task<IRemoteFiles?> FilesAsync(CancellationToken cancellationToken) => Task.FromResult<IRemoteFiles?>(null);
}

/// <summary>
/// A command whose behaviour is a script: it writes output (<see cref="Out"/>, <see cref="Err"/>), reads its input
/// (<see cref="ReadLineAsync"/>, <see cref="ReadToEndAsync"/>) and returns its exit code; or it loses its connection.
/// </summary>
internal sealed class FakeRemoteCommand(CommandRequest request) : IRemoteCommand
{
    private readonly Channel<OutputChunk> _output = Channel.CreateUnbounded<OutputChunk>();
    private readonly Channel<byte[]> _input = Channel.CreateUnbounded<byte[]>();
    private readonly List<byte> _pendingInput = [];

    public CommandRequest Request { get; } = request;

    /// <summary>Every byte the command was sent.</summary>
    public List<byte> InputReceived { get; } = [];

    public bool InputClosed { get; private set; }

    public List<string> Signals { get; } = [];

    public bool Disposed { get; private set; }

    public CommandExit? Exit { get; private set; }

    public void Out(string text) => _output.Writer.TryWrite(new OutputChunk(false, Encoding.UTF8.GetBytes(text)));

    public void Err(string text) => _output.Writer.TryWrite(new OutputChunk(true, Encoding.UTF8.GetBytes(text)));

    /// <summary>The next line of input (without its line break), or null at end-of-input.</summary>
    public async Task<string?> ReadLineAsync()
    {
        while (true)
        {
            var newline = _pendingInput.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var line = Encoding.UTF8.GetString(_pendingInput.GetRange(0, newline).ToArray());
                _pendingInput.RemoveRange(0, newline + 1);
                return line;
            }

            if (!await _input.Reader.WaitToReadAsync())
            {
                return null;
            }

            _pendingInput.AddRange(await _input.Reader.ReadAsync());
        }
    }

    /// <summary>All input up to end-of-input.</summary>
    public async Task<string> ReadToEndAsync()
    {
        await foreach (var bytes in _input.Reader.ReadAllAsync())
        {
            _pendingInput.AddRange(bytes);
        }

        return Encoding.UTF8.GetString([.. _pendingInput]);
    }

    public void Start(Func<FakeRemoteCommand, Task<int>> script) => _ = Task.Run(async () =>
    {
        try
        {
            var code = await script(this);
            Exit = new CommandExit(code, null);
            _output.Writer.TryComplete();
        }
        catch (ConnectionLostException e)
        {
            _output.Writer.TryComplete(e);
        }
    });

    public async ValueTask<OutputChunk?> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _output.Reader.ReadAsync(cancellationToken);
        }
        catch (ChannelClosedException e) when (e.InnerException is ConnectionLostException lost)
        {
            throw lost;
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    public ValueTask WriteInputAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        lock (InputReceived)
        {
            InputReceived.AddRange(data.ToArray());
        }

        _input.Writer.TryWrite(data.ToArray());
        return ValueTask.CompletedTask;
    }

    public void CloseInput()
    {
        InputClosed = true;
        _input.Writer.TryComplete();
    }

    /// <summary>Every window size the command was told of, in order.</summary>
    public List<TerminalSize> Resized { get; } = [];

    public void Resize(TerminalSize size) => Resized.Add(size);

    public void Signal(string name) => Signals.Add(name);

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        _input.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }
}
