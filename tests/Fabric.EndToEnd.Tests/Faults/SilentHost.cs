using System.Net;
using System.Net.Sockets;

namespace Fabric.EndToEnd.Tests.Faults;

/// <summary>A loopback listener that accepts TCP connections and never says a word: a host whose sshd hangs.</summary>
internal sealed class SilentHost : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Parse(Address), 0);
    private readonly List<Socket> _accepted = [];
    private readonly CancellationTokenSource _stop = new();

    public SilentHost()
    {
        _listener.Start();
        _ = AcceptForever();
    }

    public const string Address = "127.0.0.9";

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string HostString => $"{Address}:{Port}";

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_accepted)
        {
            _accepted.ForEach(s => s.Dispose());
        }

        _stop.Dispose();
    }

    private async Task AcceptForever()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                lock (_accepted)
                {
                    _accepted.Add(socket);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }
}
