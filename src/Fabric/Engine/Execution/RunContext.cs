using System.Collections.Immutable;
using Fabric.Engine.Hosts;
using Fabric.Engine.Output;
using Fabric.Engine.Remote;
using Fabric.Engine.Transport;
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
    private readonly Lock _hostPromptGate = new();
    private ConnectionCache? _connections;
    private IRemoteHosts? _remoteHosts;
    private HostString? _promptedHost;

    public EnvState Env { get; } = new();

    public IOutputSink Output { get; } = output;

    public CancellationToken Cancellation { get; init; }

    /// <summary>Output groups the run turned off or on for the whole run, beneath any scope's choice.</summary>
    public ImmutableDictionary<string, bool> OutputGroups { get; init; } = ImmutableDictionary.Create<string, bool>(StringComparer.Ordinal);

    /// <summary>Where <c>Put</c>/<c>Get</c> show their progress; null: nowhere (output redirected, tests).</summary>
    public ITransferProgress? TransferProgress { get; init; }

    /// <summary>
    /// How to connect: key files, password, timeouts, known_hosts (given when the run starts). Its key files
    /// are where <c>Env.KeyFilenames</c> starts.
    /// </summary>
    public SshOptions Ssh
    {
        get;
        init
        {
            field = value;
            Env.KeyFilenames = [.. value.KeyFiles];
        }
    } = new();

    private EnvList OwnSecrets => Env.RunSecrets;
    private readonly ISecretPrompt? _secretPrompt;
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<ImmutableList<string>, SecretSet> _scopeSecrets = [];
    private SecretSet? _lastSecrets;

    /// <summary>
    /// Asks for sudo passwords, key passphrases and login passwords; null: nobody to ask (no terminal). Every answer
    /// is remembered among the run's secrets (<see cref="SecretsFor"/>), so it is masked should it ever reach the output.
    /// </summary>
    /// <remarks>Null too under <c>Env.AbortOnPrompts</c>: nothing may be asked.</remarks>
    public ISecretPrompt? SecretPrompt
    {
        get => Env.AbortOnPrompts ? null : _secretPrompt;
        init => _secretPrompt = value is null ? null : new RememberingPrompt(value, OwnSecrets);
    }

    /// <summary>
    /// Every value to mask in output under <paramref name="scope"/>: the run's own secrets (its password,
    /// <see cref="SshOptions.Password"/>, and every answer to a secret prompt), <c>Env.Secrets</c>, and those of the
    /// <c>Secrets(...)</c> scopes. Gathered again only when one of them changed: this is asked for every line of output.
    /// </summary>
    public SecretSet SecretsFor(ScopeSettings scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.Secrets.IsEmpty)
        {
            // One set per Secrets(...) scope: parallel tasks in scopes of their own would otherwise take turns rebuilding one.
            var inScope = _scopeSecrets.TryGetValue(scope.Secrets, out var kept) ? kept : null;
            var set = SecretSet.Of(inScope, OwnSecrets.Snapshot, Ssh.Password, Env.Secrets.Snapshot, scope.Secrets);
            if (!ReferenceEquals(set, inScope))
            {
                _scopeSecrets.AddOrUpdate(scope.Secrets, set);
            }

            return set;
        }

        var last = Volatile.Read(ref _lastSecrets);
        var now = SecretSet.Of(last, OwnSecrets.Snapshot, Ssh.Password, Env.Secrets.Snapshot, scope.Secrets);
        if (!ReferenceEquals(now, last) && !now.IsEmpty)
        {
            Volatile.Write(ref _lastSecrets, now);
        }

        return now;
    }

    /// <summary>
    /// The host a task with no host connects to, asked once per run through <paramref name="ask"/>;
    /// null when nobody could answer.
    /// </summary>
    public HostString? AskHostOnce(Func<HostString?> ask)
    {
        ArgumentNullException.ThrowIfNull(ask);
        lock (_hostPromptGate)
        {
            return _promptedHost ??= ask();
        }
    }

    /// <summary>The fabfile's tasks, for <c>Api.Execute</c>; null: Execute is not available.</summary>
    public TaskTable? Tasks { get; init; }

    /// <summary>The runner running this context's plan (set when it starts), for <c>Api.Execute</c>.</summary>
    public Runner? Runner { get; set; }

    /// <summary>Told how each parallel task's hosts start and end (the tool's live status line); null: nobody is told.</summary>
    public IRunProgress? Progress { get; init; }

    /// <summary>How messages name a setting the user can change: the library's names unless the program has its own (the tool's options).</summary>
    public SettingNames SettingNames { get; init; } = SettingNames.Library;

    /// <summary>The slice of each command-line task's host list this run takes (slice K of N); the whole list by default.</summary>
    public HostShard Shard { get; init; } = HostShard.All;

    /// <summary>What ran where and how it ended: the run summary.</summary>
    public RunSummary Summary { get; } = new();

    /// <summary>The run's hosts as operations see them: <see cref="Connections"/>, or a fake in unit tests.</summary>
    public IRemoteHosts RemoteHosts
    {
        get => _remoteHosts ?? Connections;
        init => _remoteHosts = value;
    }

    /// <summary>The terminal the run was started on, whose typing remote commands get; null: none (output redirected, tests, CI).</summary>
    public ITerminal? Terminal { get; init; }

    /// <summary>The run's SSH connections. The runner calls <see cref="ConnectionCache.CloseAllAsync"/> in its <c>finally</c>.</summary>
    public ConnectionCache Connections => LazyInitializer.EnsureInitialized(ref _connections, () => new ConnectionCache(this));

    /// <summary>Passes questions on, and remembers secret answers so that output can mask them.</summary>
    private sealed class RememberingPrompt(ISecretPrompt inner, EnvList secrets) : ISecretPrompt
    {
        public string? Ask(string prompt)
        {
            var answer = inner.Ask(prompt);
            if (!string.IsNullOrEmpty(answer))
            {
                secrets.Add(answer);
            }

            return answer;
        }

        public string? AskVisible(string prompt) => inner.AskVisible(prompt);

        public void Tell(string text) => inner.Tell(text);
    }
}
