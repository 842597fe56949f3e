using Fabric.Engine.Execution;
using Fabric.Engine.Output;
using Fabric.Engine.Ssh;

namespace Fabric.EndToEnd.Tests.Ssh;

/// <summary>
/// A run as the runner sets it up, in-process: a <see cref="RunContext"/> collecting output, made current;
/// <see cref="On"/> enters a task execution on a host. Disposing closes the run's connections, as the runner does at the end.
/// </summary>
internal sealed class SshSession : IAsyncDisposable
{
    private readonly IDisposable _entered;

    public SshSession(SshOptions options, ISecretPrompt? prompt = null)
    {
        Context = SshdFixture.Context(Sink, options, prompt);
        _entered = Ambient.Enter(Context);
    }

    public CollectingOutputSink Sink { get; } = new();

    public RunContext Context { get; }

    public IReadOnlyList<string> Text => Sink.Text;

    public string AllText => string.Join('\n', Sink.Text);

    public static IDisposable On(ExecutionFrame frame) => Ambient.Enter(frame);

    public async ValueTask DisposeAsync()
    {
        await Context.Connections.CloseAllAsync();
        _entered.Dispose();
    }
}
