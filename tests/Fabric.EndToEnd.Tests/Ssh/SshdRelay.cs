using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Fabric.EndToEnd.Tests.Ssh;

/// <summary>
/// A tiny inetd for the jump-host tests: listens on one loopback address and hands each accepted connection to its own
/// <c>sshd -i</c> (started by <paramref name="command"/>, e.g. through <c>ip netns exec</c>), pumping bytes both ways until
/// either side closes. Disposing stops listening and kills the sshd processes still running.
/// </summary>
internal sealed class SshdRelay : IDisposable
{
    private readonly TcpListener _listener;
    private readonly IReadOnlyList<string> _command;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<Process> _processes = [];
    private readonly Task _accepting;
    private int _accepted;

    public SshdRelay(string address, IReadOnlyList<string> command)
    {
        _command = command;
        _listener = new TcpListener(IPAddress.Parse(address), 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    /// <summary>How many connections the relay accepted (each served by its own sshd).</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    private async Task AcceptAsync()
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            Interlocked.Increment(ref _accepted);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var start = new ProcessStartInfo(_command[0])
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in _command.Skip(1))
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            _processes.Add(process);
            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            var network = client.GetStream();
            var up = PumpAsync(network, process.StandardInput.BaseStream, () => process.StandardInput.Close());
            var down = PumpAsync(process.StandardOutput.BaseStream, network, () => client.Client.Shutdown(SocketShutdown.Send));
            await Task.WhenAll(up, down); // Either side's end of stream closes the other's.
        }
    }

    /// <summary>Copies until end of stream or an error, flushing every chunk (sshd's handshake needs each byte at once).</summary>
    private async Task PumpAsync(Stream from, Stream to, Action close)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
            {
                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
                await to.FlushAsync(_stop.Token);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }

        try
        {
            close();
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _accepting.Wait(TimeSpan.FromSeconds(5));
        foreach (var process in _processes)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
            }
        }

        _stop.Dispose();
    }
}
