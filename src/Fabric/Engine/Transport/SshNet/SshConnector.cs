using System.Globalization;
using System.Net.Sockets;
using Fabric.Engine.Ssh;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace Fabric.Engine.Transport.SshNet;

/// <summary>
/// Opens and authenticates one connection: key files, then password and keyboard-interactive; host key
/// checked by <see cref="HostKeyVerifier"/>; retried on network failures up to
/// <see cref="SshOptions.ConnectionAttempts"/>, and a connection dropped before the handshake (sshd's MaxStartups) a few
/// more times as <see cref="HandshakeDrop"/> says. Every failure becomes an <see cref="AbortException"/> with one
/// line naming the host (and never a secret).
/// </summary>
internal static class SshConnector
{
    /// <param name="cache">The run's connections, keys and settings.</param>
    /// <param name="target">The host to connect to.</param>
    /// <param name="cancellationToken">Stops connecting.</param>
    /// <param name="jumps">For a gateway reached through others: those gateways, replacing any the config names.</param>
    /// <param name="depth">How many gateways deep this connection is (0: a host a task runs on).</param>
    public static async Task<SshConnection> ConnectAsync(ConnectionCache cache, ConnectionTarget target, CancellationToken cancellationToken, IReadOnlyList<string>? jumps = null, int depth = 0)
    {
        var host = cache.Hosts.Resolve(target, jumps);
        if (depth > 0 && jumps is null && host.Jumps.Contains(target.Display, StringComparer.OrdinalIgnoreCase))
        {
            host = host with { Jumps = [] }; // A gateway matched by its own ProxyJump (Host * ProxyJump gw) is reached directly.
        }

        var options = host.Options;
        var attempts = Math.Max(1, options.ConnectionAttempts);
        var drops = 0;
        var given = cache.PasswordFor(target, host);
        for (var attempt = 1; ; attempt++)
        {
            var password = given ?? cache.LoginPassword;
            try
            {
                return await ConnectOnceAsync(cache, target, host, password, depth, cancellationToken).ConfigureAwait(false);
            }
            catch (SshAuthenticationException) when (password is null && cache.Prompt is not null)
            {
                var answer = cache.AskLoginPassword(target with { User = host.User });
                if (answer is null)
                {
                    throw new AbortException(AuthenticationFailed(cache, target, host, password: false));
                }

                attempt--;
            }
            catch (SshAuthenticationException)
            {
                throw new AbortException(AuthenticationFailed(cache, target, host, password is not null));
            }
            catch (Exception e) when (HandshakeDrop.Is(e) && host.Jumps.Count == 0 && drops < HandshakeDrop.Retries)
            {
                var pause = HandshakeDrop.PauseBefore(++drops);
                cache.Debug(target, HandshakeDrop.Retrying(drops, pause));
                await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
                attempt--;
            }
            catch (Exception e) when (IsNetworkFailure(e) && attempt < attempts)
            {
                cache.Warn($"Could not connect to {target.Display} ({Describe(e, host, cache.SettingNames)}); attempt {attempt} of {attempts}, retrying.");
            }
            catch (Exception e) when (IsNetworkFailure(e))
            {
                var why = drops > 0 && HandshakeDrop.Is(e) ? HandshakeDrop.GaveUp(cache.SettingNames) : Describe(e, host, cache.SettingNames);
                throw new UnreachableHostException(target.Display, $"Could not connect to {target.Display}: {why}.", e);
            }
        }
    }

    private static async Task<SshConnection> ConnectOnceAsync(ConnectionCache cache, ConnectionTarget target, SshHostSettings host, string? password, int depth, CancellationToken cancellationToken)
    {
        var (dialHost, dialPort) = host.Jumps.Count == 0
            ? (host.HostName, host.Port)
            : ("127.0.0.1", await cache.Gateways.ForwardAsync(host.Jumps, host.HostName, host.Port, depth, cancellationToken).ConfigureAwait(false));
        var verifier = new HostKeyVerifier(host.Options, cache.KnownHostsGate, cache.Warn);
        var checkedAs = target with { Host = host.HostName, Port = host.Port };
        var info = ConnectionInfoFor(cache, host, password, dialHost, dialPort, verifier.KnownKeyTypes(checkedAs));
        var client = new SshClient(info);
        if (host.KeepAlive is { } keepAlive)
        {
            client.KeepAliveInterval = keepAlive;
        }

        var timing = new ConnectTiming();
        byte[]? hostKey = null;
        client.HostKeyReceived += (_, e) =>
        {
            timing.KeyExchanged();
            e.CanTrust = verifier.Accept(checkedAs, e.HostKey);
            hostKey = e.HostKey;
            timing.HostKeyChecked();
        };
        try
        {
            await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
            cache.Debug(target, timing.Describe(info));
            return new SshConnection(target, client) { HostKey = hostKey, Settings = host, Endpoint = (dialHost, dialPort) };
        }
        catch (SshConnectionException) when (verifier.Verdict is not null and not HostKeyVerdict.Known && !host.Options.DisableKnownHosts)
        {
            client.Dispose();
            throw new HostKeyRefusedException(verifier.RefusalMessage(target));
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>
    /// How to reach and log in to <paramref name="host"/> at <paramref name="dialHost"/>:<paramref name="dialPort"/> (the host
    /// itself, or a gateway's forwarded port): agent and key files, then the password, in our key exchange and cipher order,
    /// asking first for the host key types in <paramref name="knownKeyTypes"/> (<see cref="HostKeyOrder"/>).
    /// </summary>
    private static ConnectionInfo ConnectionInfoFor(ConnectionCache cache, SshHostSettings host, string? password, string dialHost, int dialPort, IReadOnlyCollection<string> knownKeyTypes)
    {
        var methods = new List<AuthenticationMethod>();
        var keys = cache.Keys.For(host);
        if (keys.Count > 0)
        {
            methods.Add(new PrivateKeyAuthenticationMethod(host.User, [.. keys.Select(k => k.Key)]));
        }

        if (password is not null)
        {
            methods.Add(new PasswordAuthenticationMethod(host.User, password));
            var interactive = new KeyboardInteractiveAuthenticationMethod(host.User);
            interactive.AuthenticationPrompt += (_, e) =>
            {
                foreach (var prompt in e.Prompts)
                {
                    prompt.Response = prompt.IsEchoed ? host.User : password;
                }
            };
            methods.Add(interactive);
        }

        if (methods.Count == 0)
        {
            methods.Add(new NoneAuthenticationMethod(host.User));
        }

        var info = new ConnectionInfo(dialHost, dialPort, host.User, [.. methods])
        {
            Timeout = host.Options.ConnectTimeout,
            // A refused session channel is asked for once: SSH.NET asks again at once otherwise (10 times), which the server
            // refuses again while our other channels are open; the transport waits for one to close instead.
            RetryAttempts = 1,
        };
        KeyExchangeOrder.Apply(info, host.Options.KexAlgorithms);
        HostKeyOrder.Apply(info, host.Options.HostKeyAlgorithms, knownKeyTypes);
        CipherOrder.Apply(info);
        return info;
    }

    /// <summary>
    /// Opens another connection to the host of <paramref name="connection"/>, for a server that allows one session per
    /// connection: the same route and login, and only the host key that connection accepted.
    /// </summary>
    public static async Task<SshConnection> ConnectSameAsync(ConnectionCache cache, SshConnection connection, CancellationToken cancellationToken)
    {
        var keepAlive = connection.Settings?.KeepAlive;
        var client = await ConnectLikeAsync(cache, connection, info => keepAlive is { } k ? new SshClient(info) { KeepAliveInterval = k } : new SshClient(info), "another connection", cancellationToken).ConfigureAwait(false);
        return new SshConnection(connection.Target, client) { HostKey = connection.HostKey, Settings = connection.Settings, Endpoint = connection.Endpoint };
    }

    private static async Task<T> ConnectLikeAsync<T>(ConnectionCache cache, SshConnection connection, Func<ConnectionInfo, T> make, string what, CancellationToken cancellationToken)
        where T : BaseClient
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(connection);
        var host = connection.Settings ?? throw new InvalidOperationException("The connection was not opened by SshConnector.");
        // Only the key the first connection accepted passes, so ask for its type first.
        string[] keyType = connection.HostKey is { } accepted && KnownHostsFile.KeyTypeOf(accepted) is { } type ? [HostKeyOrder.KeyTypeOf(type)] : [];
        var client = make(ConnectionInfoFor(cache, host, cache.PasswordFor(connection.Target, host) ?? cache.LoginPassword, connection.Endpoint.Host, connection.Endpoint.Port, keyType));
        client.HostKeyReceived += (_, e) => e.CanTrust = connection.HostKey is { } key && e.HostKey.AsSpan().SequenceEqual(key);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
            cache.Debug(connection.Target, string.Create(CultureInfo.InvariantCulture, $"{what} (a second connection) opened in {clock.Elapsed.TotalMilliseconds:0} ms"));
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static string AuthenticationFailed(ConnectionCache cache, ConnectionTarget target, SshHostSettings host, bool password)
    {
        var tried = cache.Keys.For(host).Select(k => k.Name).ToList();
        if (password)
        {
            tried.Add("password");
        }

        var what = tried.Count == 0 ? "no key file or password was available" : "tried " + string.Join(", ", tried);
        return $"Authentication failed for user '{host.User}' on {target.Display} ({what}).";
    }

    private static bool IsNetworkFailure(Exception e) =>
        e is SocketException or SshOperationTimeoutException or SshConnectionException or ProxyException or IOException;

    /// <summary>
    /// Behind a gateway, a connection closed before the host's banner is almost always the gateway failing to reach the host
    /// (SSH.NET drops the reason of a refused <c>direct-tcpip</c> channel): say so, naming the gateway and the address.
    /// </summary>
    private static string Describe(Exception e, SshHostSettings host, SettingNames names) => e is SshConnectionException && host.Jumps.Count > 0
        ? $"the connection through {host.Jumps[^1]} closed before {host.HostName}:{host.Port} said anything: the gateway could not reach"
          + " that address (refused or unreachable from there, or the gateway does not allow forwarding), or the host dropped the connection"
        : Describe(e, host.Options, names);

    private static string Describe(Exception e, SshOptions options, SettingNames names) => e switch
    {
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } => "connection refused",
        SocketException { SocketErrorCode: SocketError.TimedOut } or SshOperationTimeoutException =>
            $"timed out after {options.ConnectTimeout.TotalSeconds:0.#} s",
        SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData } => "unknown host name",
        SocketException { SocketErrorCode: SocketError.HostUnreachable or SocketError.NetworkUnreachable } => "host unreachable",
        SocketException { SocketErrorCode: SocketError.ConnectionReset } or SshConnectionException =>
            e.Message.TrimEnd('.') + " (the server dropped the connection before the login; when many connections open at once"
            + $" its MaxStartups may be refusing them: lower {names.Name(Setting.PoolSize)}, raise MaxStartups, or retry with {names.Name(Setting.ConnectionAttempts)})",
        _ => e.Message.TrimEnd('.'),
    };
}
