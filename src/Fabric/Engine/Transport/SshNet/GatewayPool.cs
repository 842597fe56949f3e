using System.Collections.Concurrent;
using Fabric.Engine.Hosts;
using Fabric.Engine.Ssh;
using Renci.SshNet;

namespace Fabric.Engine.Transport.SshNet;

/// <summary>
/// The run's jump hosts (<c>Env.Gateway</c>, a scope's, <c>ProxyJump</c>): one connection per chain of gateways, shared by
/// every host behind it. For each host behind it, the gateway forwards a loopback port to that host's address as the
/// gateway resolves it (<see cref="ForwardedPortLocal"/>, a <c>direct-tcpip</c> channel per connection, as <c>ssh -J</c>);
/// the connection to the host goes through that port, and its host key is checked against the host's own name. A chain
/// <c>a,b</c> reaches <c>b</c> through <c>a</c>; <c>a</c> follows its own <c>ProxyJump</c>, if any.
/// (Not <see cref="ForwardedPortDynamic"/>: its SOCKS reply races the server's banner, which then breaks the handshake.)
/// </summary>
internal sealed class GatewayPool(ConnectionCache cache, Func<string> defaultUser, CancellationToken runCancellation)
{
    private const int MaxDepth = 8;
    private readonly ConcurrentDictionary<string, Lazy<Task<Gateway>>> _gateways = new(StringComparer.Ordinal);
    private readonly ConcurrentStack<string> _opened = new();

    /// <summary>A loopback port that the last gateway of <paramref name="chain"/> forwards to <paramref name="host"/>:<paramref name="port"/>.</summary>
    public async Task<int> ForwardAsync(IReadOnlyList<string> chain, string host, int port, int depth, CancellationToken cancellationToken)
    {
        if (depth > MaxDepth)
        {
            throw new AbortException($"Jump hosts nest more than {MaxDepth} deep ({string.Join(',', chain)}): is there a ProxyJump loop in the ssh config?");
        }

        var key = string.Join(',', chain);
        if (_gateways.TryGetValue(key, out var existing) && existing.IsValueCreated && (existing.Value.IsFaulted || existing.Value.IsCanceled
            || (existing.Value.IsCompletedSuccessfully && !existing.Value.Result.Connection.IsConnected)))
        {
            _gateways.TryRemove(new KeyValuePair<string, Lazy<Task<Gateway>>>(key, existing));
        }

        var lazy = _gateways.GetOrAdd(key, _ => new Lazy<Task<Gateway>>(() => OpenAsync(key, chain, depth)));
        var gateway = await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        lock (gateway.Forwards)
        {
            if (!gateway.Forwards.TryGetValue((host, port), out var forward))
            {
                forward = new ForwardedPortLocal("127.0.0.1", 0, host, (uint)port);
                forward.Exception += (_, e) => cache.Warn($"Gateway {gateway.Connection.Target.Display} to {host}:{port}: {e.Exception.Message}");
                gateway.Connection.Client.AddForwardedPort(forward);
                forward.Start();
                gateway.Forwards.Add((host, port), forward);
            }

            return (int)forward.BoundPort;
        }
    }

    private async Task<Gateway> OpenAsync(string key, IReadOnlyList<string> chain, int depth)
    {
        var spec = chain[^1];
        var host = HostString.ParseJumpHost(spec, SshRoute.JumpHostSource);
        var target = new ConnectionTarget(spec, host.Host, host.User ?? defaultUser(), host.Port ?? 22)
        {
            UserGiven = host.User is not null,
            PortGiven = host.Port is not null,
        };
        var connection = await SshConnector.ConnectAsync(cache, target, runCancellation, chain.Count > 1 ? chain.Take(chain.Count - 1).ToList() : null, depth + 1).ConfigureAwait(false);
        _opened.Push(key);
        return new Gateway(connection, []);
    }

    /// <summary>Closes the gateways, the innermost first, printing <c>Disconnecting from GATEWAY... done.</c> for each. Never throws.</summary>
    public async Task CloseAllAsync(Action<string> status)
    {
        while (_opened.TryPop(out var key))
        {
            if (_gateways.TryRemove(key, out var lazy) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully)
            {
                var gateway = lazy.Value.Result;
                var wasOpen = gateway.Connection.IsConnected;
                await Task.Run(gateway.Dispose).ConfigureAwait(false);
                if (wasOpen)
                {
                    status($"Disconnecting from {gateway.Connection.Target.Display}... done.");
                }
            }
        }
    }

    private sealed record Gateway(SshConnection Connection, Dictionary<(string Host, int Port), ForwardedPortLocal> Forwards) : IDisposable
    {
        public void Dispose()
        {
            lock (Forwards)
            {
                foreach (var forward in Forwards.Values)
                {
                    try
                    {
                        forward.Stop();
                    }
#pragma warning disable CA1031 // Closing at the end of the run: a listener that fails to stop is dropped with its connection.
                    catch (Exception)
#pragma warning restore CA1031
                    {
                    }

                    forward.Dispose();
                }
            }

            Connection.Dispose();
        }
    }
}
