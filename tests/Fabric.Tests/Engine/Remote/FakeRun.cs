using Fabric.Engine.Execution;
using Fabric.Engine.Hosts;
using Fabric.Engine.Output;
using Fabric.Engine.Remote;
using Fabric.Engine.Ssh;

namespace Fabric.Tests.Engine.Remote;

/// <summary>A run on fake hosts, current for the test's async flow, with one task executing on <c>web1</c>.</summary>
internal sealed class FakeRun : IDisposable
{
    public const string Host = "deploy@web1";
    private readonly IDisposable _context;
    private readonly IDisposable _frame;

    public FakeRun(ITerminal? terminal = null, ISecretPrompt? prompt = null, bool parallel = false)
    {
        Context = new RunContext(Sink) { RemoteHosts = Hosts, Terminal = terminal, SecretPrompt = prompt };
        _context = Ambient.Enter(Context);
        _frame = Ambient.Enter(new ExecutionFrame("deploy", HostString.Parse(Host), "deploy", 22) { Linewise = parallel });
    }

    public CollectingOutputSink Sink { get; } = new();

    public FakeRemoteHosts Hosts { get; } = new();

    public RunContext Context { get; }

    /// <summary>The shown whole lines, as the console would print them.</summary>
    public IReadOnlyList<string> Text => Sink.Text;

    public FakeRemoteHost Web1 => Hosts[Host];

    public void Dispose()
    {
        _frame.Dispose();
        _context.Dispose();
    }
}

/// <summary>A terminal whose user has typed <see cref="Typed"/>, then ends their input.</summary>
internal sealed class FakeTerminal(params string[] typed) : ITerminal
{
    public string[] Typed { get; } = typed;

    public List<bool> Forwarded { get; } = [];

    public List<byte> Screen { get; } = [];

    public Fabric.Engine.Transport.TerminalSize Size { get; } = new(132, 43);

    public IDisposable Forward(Action<ReadOnlyMemory<byte>> forward, Action onEnd, bool raw)
    {
        Forwarded.Add(raw);
        foreach (var text in Typed)
        {
            forward(System.Text.Encoding.UTF8.GetBytes(text));
        }

        onEnd();
        return new Stop(() => { });
    }

    /// <summary>Sizes the window takes as soon as a size is watched.</summary>
    public List<Fabric.Engine.Transport.TerminalSize> Resizes { get; } = [];

    /// <summary>How many watches of the size were ended.</summary>
    public int SizeWatchesEnded { get; private set; }

    public IDisposable WatchSize(Action<Fabric.Engine.Transport.TerminalSize> resized)
    {
        foreach (var size in Resizes)
        {
            resized(size);
        }

        return new Stop(() => SizeWatchesEnded++);
    }

    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        lock (Screen)
        {
            Screen.AddRange(bytes.ToArray());
        }
    }

    private sealed class Stop(Action stopped) : IDisposable
    {
        public void Dispose() => stopped();
    }
}

/// <summary>Answers every secret question with one answer, counting them.</summary>
internal sealed class FixedPrompt(string? answer) : ISecretPrompt
{
    public List<string> Questions { get; } = [];

    public string? Ask(string prompt)
    {
        Questions.Add(prompt);
        return answer;
    }
}
