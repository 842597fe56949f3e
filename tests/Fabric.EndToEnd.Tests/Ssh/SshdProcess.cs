using System.Net;
using System.Net.Sockets;

namespace Fabric.EndToEnd.Tests.Ssh;

/// <summary>What every test-started <c>sshd</c> needs: a free port, its pid, its listener up, and its log read while it writes.</summary>
internal static class SshdProcess
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(25);
    private const int Steps = 400;

    /// <summary>A TCP port nothing listens on at <paramref name="address"/> just now.</summary>
    public static int FreePort(string address)
    {
        using var listener = new TcpListener(IPAddress.Parse(address), 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits (10 s at most) for sshd to write its pid file, and returns the pid.</summary>
    public static int WaitForPid(string pidFile)
    {
        for (var i = 0; i < Steps; i++)
        {
            if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid))
            {
                return pid;
            }

            Thread.Sleep(Step);
        }

        throw new InvalidOperationException("sshd did not write its pid file " + pidFile);
    }

    /// <summary>Waits (10 s at most) until a connection to <paramref name="address"/>:<paramref name="port"/> is accepted (sshd logs it).</summary>
    public static void WaitUntilAccepting(string address, int port)
    {
        for (var i = 0; i < Steps; i++)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Parse(address), port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(Step);
            }
        }

        throw new InvalidOperationException($"sshd does not accept connections on {address}:{port}.");
    }

    /// <summary>The lines of a log sshd may still be writing; none when it has not made the file yet.</summary>
    public static string[] LogLines(string file)
    {
        if (!File.Exists(file))
        {
            return [];
        }

        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n');
    }
}
