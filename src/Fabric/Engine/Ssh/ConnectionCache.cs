using System.Collections.Concurrent;
using Fabric.Engine.Execution;
using Fabric.Engine.Output;
using Fabric.Engine.Transport;
using Fabric.Engine.Transport.SshNet;

namespace Fabric.Engine.Ssh;

/// <summary>
/// The run's SSH connections: made lazily by the first operation that needs one, one per
/// user@host:port, shared by every later operation and task (two racing operations still connect once),
/// and closed by <see cref="CloseAllAsync"/> when the run ends, printing <c>Disconnecting from HOST... done.</c>
/// A parallel host execution of the run's last task closes its own connections as it ends (<see cref="Release"/>).
/// </summary>
internal sealed class ConnectionCache(RunContext context) : IRemoteHosts
{
    /// <summary>Marks a connection that more than one execution used: never released early.</summary>
    private static readonly object Shared = new();

    private readonly ConcurrentDictionary<string, Lazy<Task<SshConnection>>> _connections = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();
    private readonly ConcurrentDictionary<string, object> _usedBy = new(StringComparer.Ordinal);
    /// <summary>The connections each execution was the first to use, so that <see cref="Release"/> looks at its own only.</summary>
    private readonly ConcurrentDictionary<object, ConcurrentQueue<string>> _keysOf = new(ReferenceEqualityComparer.Instance);
    /// <summary>The connections <see cref="Release"/> closed: their names only, for the end's "Disconnecting" lines.</summary>
    private readonly ConcurrentDictionary<string, string> _released = new(StringComparer.Ordinal);
    private readonly Lock _passwordGate = new();
    private KeyRing? _keys;
    private HostResolver? _hosts;
    private GatewayPool? _gateways;

    public SshOptions Options => context.Ssh;

    public ISecretPrompt? Prompt => context.SecretPrompt;

    /// <summary>How messages name a setting the user can change.</summary>
    public SettingNames SettingNames => context.SettingNames;

    /// <summary>Serialises reading and appending the known_hosts file.</summary>
    public Lock KnownHostsGate { get; } = new();

    public KeyRing Keys => LazyInitializer.EnsureInitialized(ref _keys, () => new KeyRing(Options, Prompt, Warn));

    /// <summary>Applies the ssh config, <c>Env.Gateway</c> and the command line to each target.</summary>
    public HostResolver Hosts => LazyInitializer.EnsureInitialized(ref _hosts, () => new HostResolver(Options, () => context.Env.UseSshConfig, () => context.Env.Gateway, Warn, () => context.Env.KeyFilenames.Snapshot));

    /// <summary>The jump hosts' connections, shared by every host behind them.</summary>
    public GatewayPool Gateways => LazyInitializer.EnsureInitialized(ref _gateways, () => new GatewayPool(this, () => context.Env.User, context.Cancellation));

    /// <summary>The login password: the run's (<see cref="SshOptions.Password"/>), or the one answered when a host refused the keys.</summary>
    public string? LoginPassword { get; private set; }

    /// <summary>
    /// The password to log in to <paramref name="target"/> with, once the config made it <paramref name="host"/>: its
    /// <c>Settings(password: …)</c> scope's, else <c>Env.Passwords</c>' entry for that user, host and port, else
    /// <c>Env.Password</c>; null: <see cref="LoginPassword"/> (the run's, or the one asked).
    /// </summary>
    public string? PasswordFor(ConnectionTarget target, SshHostSettings host) =>
        target.Credentials?.Password ?? context.Env.Passwords.Find(host.User, target.Host, host.Port) ?? context.Env.Password;

    /// <summary>
    /// Every password the run knows for logging in to <paramref name="target"/>, in the order a connection tries them:
    /// <see cref="PasswordFor"/> with the config applied, else <see cref="LoginPassword"/>, else the run's
    /// (<see cref="SshOptions.Password"/>). For what reuses the login's password: sudo's prompt, and rsync's refusal of
    /// a run that logs in by password only.
    /// </summary>
    public string? KnownPasswordFor(ConnectionTarget target) =>
        PasswordFor(target, Hosts.Resolve(target)) ?? LoginPassword ?? Options.Password;

    /// <summary>How many connections are open now.</summary>
    public int OpenCount => _connections.Values.Count(l => l.IsValueCreated && l.Value.IsCompletedSuccessfully && l.Value.Result.IsConnected);

    /// <summary>The connection to <paramref name="target"/>, opened on first use.</summary>
    public Task<SshConnection> GetAsync(ConnectionTarget target, CancellationToken cancellationToken)
    {
        LoginPassword ??= Options.Password;
        if (_connections.TryGetValue(target.Key, out var existing) && existing.IsValueCreated && IsDead(existing.Value)
            && _connections.TryRemove(new KeyValuePair<string, Lazy<Task<SshConnection>>>(target.Key, existing))
            && existing.Value.IsCompletedSuccessfully)
        {
            // A failed or dropped connection is not kept: this operation tries afresh.
            existing.Value.Result.Dispose();
        }

        NoteUser(target.Key);
        var lazy = _connections.GetOrAdd(target.Key, key => new Lazy<Task<SshConnection>>(() =>
        {
            _order.Enqueue(key);
            return SshConnector.ConnectAsync(this, target, context.Cancellation);
        }));
        return lazy.Value.WaitAsync(cancellationToken);
    }

    async Task<IRemoteHost> IRemoteHosts.GetAsync(ConnectionTarget target, CancellationToken cancellationToken)
    {
        var connection = await GetAsync(target, cancellationToken).ConfigureAwait(false);
        return connection.Remote(c => new SshNetHost(this, c));
    }

    void IRemoteHosts.Evict(IRemoteHost host)
    {
        if (host is SshNetHost { Connection: var connection })
        {
            Evict(connection);
        }
    }

    private static bool IsDead(Task<SshConnection> task) =>
        task.IsFaulted || task.IsCanceled || (task.IsCompletedSuccessfully && !task.Result.IsConnected);

    /// <summary>Forgets a connection that broke, so that a later operation reconnects.</summary>
    public void Evict(SshConnection connection)
    {
        if (_connections.TryGetValue(connection.Target.Key, out var lazy) && lazy.IsValueCreated
            && lazy.Value.IsCompletedSuccessfully && ReferenceEquals(lazy.Value.Result, connection))
        {
            _connections.TryRemove(new KeyValuePair<string, Lazy<Task<SshConnection>>>(connection.Target.Key, lazy));
            connection.Dispose();
        }
    }

    /// <summary>
    /// Closes the connections that only the current execution (<see cref="Ambient.Frame"/>) used, now rather than at
    /// the end of the run; the end of the run still prints their <c>Disconnecting from HOST... done.</c> in order.
    /// For a parallel host execution of the run's last task: nothing later needs them, and each kept its socket, its
    /// receive thread and its buffers and cipher state (about 65 KiB) until the end. Measured (ReadyToRun, parallel, pool of 50,
    /// peak RSS): 1,000 hosts 164-170 MiB before, 104 MiB after; 200 hosts 103-107 before, 92-93 after (1,080 and 270
    /// threads down to about 120); 50 hosts 86-88 before, 85-86 after (docs/performance.md). Only the names of the
    /// released connections are kept: keeping the closed connection objects instead still cost 132 MiB at 1,000 hosts.
    /// A connection another execution also used stays open.
    /// </summary>
    public void Release()
    {
        if (Ambient.Frame is not { } frame)
        {
            return;
        }

        if (!_keysOf.TryRemove(frame, out var keys))
        {
            return;
        }

        foreach (var key in keys)
        {
            // A connect still under way (its wait was cancelled) is left to the end of the run, which waits for it.
            if (_usedBy.TryGetValue(key, out var user) && ReferenceEquals(user, frame) && _connections.TryGetValue(key, out var lazy) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully
                && _connections.TryRemove(new KeyValuePair<string, Lazy<Task<SshConnection>>>(key, lazy)))
            {
                var connection = lazy.Value.Result;
                if (connection.IsConnected)
                {
                    _released[key] = connection.Target.Display;
                }

                CloseQuietly(connection);
            }
        }
    }

    /// <summary>Notes that the current execution uses the connection to <paramref name="key"/> (see <see cref="Release"/>).</summary>
    private void NoteUser(string key)
    {
        object user = (object?)Ambient.Frame ?? Shared;
        if (_usedBy.TryAdd(key, user))
        {
            if (Ambient.Frame is { } frame)
            {
                _keysOf.GetOrAdd(frame, _ => new ConcurrentQueue<string>()).Enqueue(key);
            }
        }
        else if (_usedBy.TryGetValue(key, out var first) && !ReferenceEquals(first, user))
        {
            _usedBy[key] = Shared;
        }
    }

    /// <summary>
    /// Closes every connection of the run, all at once (SSH.NET's disconnect waits for the server, and a run over many
    /// hosts would otherwise wait for each in turn), then prints <c>Disconnecting from HOST... done.</c> for each one
    /// that was open, in the order they were opened. Never throws; safe to call twice.
    /// </summary>
    public async Task CloseAllAsync()
    {
        var open = new List<SshConnection>();
        var closed = new List<string>();   // each connection that was open, by name, in the order they were opened
        while (_order.TryDequeue(out var key))
        {
            if (_released.TryRemove(key, out var released))
            {
                closed.Add(released);
                continue;
            }

            if (!_connections.TryRemove(key, out var lazy) || !lazy.IsValueCreated)
            {
                continue;
            }

            try
            {
                var connection = await lazy.Value.ConfigureAwait(false);
                open.Add(connection);
                if (connection.IsConnected)
                {
                    closed.Add(connection.Target.Display);
                }
            }
#pragma warning disable CA1031 // A connection that never opened has nothing to close; its failure was reported where it happened.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }

        await Task.WhenAll(open.Select(c => Task.Run(() => CloseQuietly(c)))).ConfigureAwait(false);
        foreach (var name in closed)
        {
            Status($"Disconnecting from {name}... done.");
        }

        await (_gateways?.CloseAllAsync(Status) ?? Task.CompletedTask).ConfigureAwait(false);
        void Status(string text) => OutputGroups.Write(context, Ambient.Scope, new OutputEvent(OutputKind.Status, null, text));
    }

    private static void CloseQuietly(SshConnection connection)
    {
        try
        {
            connection.Dispose();
        }
#pragma warning disable CA1031 // Closing at the end of the run: a connection that fails to close cleanly is closed all the same.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    public void Warn(string message) =>
        OutputGroups.Write(context, Ambient.Scope, new OutputEvent(OutputKind.Warning, null, message));

    /// <summary>A debug line about a connection.</summary>
    public void Debug(ConnectionTarget target, string message) =>
        OutputGroups.Write(context, Ambient.Scope, new OutputEvent(OutputKind.Debug, target.Display, message));

    public string? AskLoginPassword(ConnectionTarget target)
    {
        lock (_passwordGate)
        {
            if (LoginPassword is not null)
            {
                return LoginPassword;
            }

            var answer = Prompt?.Ask($"Login password for '{target.User}@{target.Host}': ");
            LoginPassword = string.IsNullOrEmpty(answer) ? null : answer;
            return LoginPassword;
        }
    }
}
