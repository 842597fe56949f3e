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
/// </summary>
internal sealed class ConnectionCache(RunContext context) : IRemoteHosts
{
    private readonly ConcurrentDictionary<string, Lazy<Task<SshConnection>>> _connections = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();
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
    /// Closes every connection of the run, all at once (SSH.NET's disconnect waits for the server, and a run over many
    /// hosts would otherwise wait for each in turn), then prints <c>Disconnecting from HOST... done.</c> for each one
    /// that was open, in the order they were opened. Never throws; safe to call twice.
    /// </summary>
    public async Task CloseAllAsync()
    {
        var open = new List<SshConnection>();
        while (_order.TryDequeue(out var key))
        {
            if (!_connections.TryRemove(key, out var lazy) || !lazy.IsValueCreated)
            {
                continue;
            }

            try
            {
                open.Add(await lazy.Value.ConfigureAwait(false));
            }
#pragma warning disable CA1031 // A connection that never opened has nothing to close; its failure was reported where it happened.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }

        var wasOpen = open.Select(c => c.IsConnected).ToList();
        await Task.WhenAll(open.Select(c => Task.Run(() => CloseQuietly(c)))).ConfigureAwait(false);
        for (var i = 0; i < open.Count; i++)
        {
            if (wasOpen[i])
            {
                Status($"Disconnecting from {open[i].Target.Display}... done.");
            }
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
