using System.Collections.Immutable;
using Fabric.Engine.Output;
using Fabric.Engine.Ssh;
using Fabric.Engine.Tasks;

namespace Fabric.Engine.Execution;

/// <summary>
/// Everything one run shares: the run-wide <c>Env</c>, where output goes, cancellation, how to connect over SSH,
/// the open connections, and how to ask for secrets. <see cref="FabricEnv"/> and <see cref="Api"/> reach it
/// through <see cref="Ambient"/>.
/// </summary>
internal sealed class RunContext(IOutputSink output)
{
    private ConnectionCache? _connections;

    public EnvState Env { get; } = new();

    public IOutputSink Output { get; } = output;

    public CancellationToken Cancellation { get; init; }

    /// <summary>Output groups <c>--hide</c>/<c>--show</c> turned off or on for the whole run, beneath any scope's choice.</summary>
    public ImmutableDictionary<string, bool> OutputGroups { get; init; } = ImmutableDictionary.Create<string, bool>(StringComparer.Ordinal);

    /// <summary>How to connect: key files, password, timeouts, known_hosts (filled from the command line).</summary>
    public SshOptions Ssh { get; init; } = new();

    /// <summary>Asks for sudo passwords, key passphrases and login passwords; null: nobody to ask (no terminal).</summary>
    public ISecretPrompt? SecretPrompt { get; init; }

    /// <summary>The fabfile's tasks, for <c>Api.Execute</c>; null: Execute is not available.</summary>
    public TaskTable? Tasks { get; init; }

    /// <summary>The runner running this context's plan (set when it starts), for <c>Api.Execute</c>.</summary>
    public Runner? Runner { get; set; }

    /// <summary>The run's SSH connections. The runner calls <see cref="ConnectionCache.CloseAllAsync"/> in its <c>finally</c>.</summary>
    public ConnectionCache Connections => LazyInitializer.EnsureInitialized(ref _connections, () => new ConnectionCache(this));
}
