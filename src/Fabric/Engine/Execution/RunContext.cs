using Fabric.Engine.Output;

namespace Fabric.Engine.Execution;

/// <summary>
/// Everything one run shares: the run-wide <c>Env</c>, where output goes, and cancellation.
/// <see cref="FabricEnv"/> and <see cref="Api"/> reach it through <see cref="Ambient"/>.
/// </summary>
internal sealed class RunContext(IOutputSink output)
{
    public EnvState Env { get; } = new();

    public IOutputSink Output { get; } = output;

    public CancellationToken Cancellation { get; init; }
}
