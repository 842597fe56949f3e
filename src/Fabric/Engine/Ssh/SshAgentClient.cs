using System.Buffers.Binary;
using System.Net.Sockets;

namespace Fabric.Engine.Ssh;

/// <summary>
/// Talks to the ssh-agent on a Unix socket (<c>SSH_AUTH_SOCK</c>): one short connection per request, so parallel
/// logins never share a stream. Failures are <see cref="IOException"/>, <see cref="SocketException"/> or
/// <see cref="InvalidDataException"/>.
/// </summary>
internal sealed class SshAgentClient(string socketPath)
{
    private const int MaxMessage = 256 * 1024;

    public string SocketPath { get; } = socketPath;

    /// <summary>The agent's identities: each public key blob and its comment.</summary>
    public List<(byte[] Blob, string Comment)> ListIdentities() => SshAgentProtocol.ParseIdentities(Request(SshAgentProtocol.ListRequest()));

    /// <summary>Asks the agent to sign <paramref name="data"/> with <paramref name="keyBlob"/>; returns the SSH signature blob.</summary>
    public byte[] Sign(byte[] keyBlob, byte[] data, uint flags) =>
        SshAgentProtocol.ParseSignature(Request(SshAgentProtocol.SignRequestFor(keyBlob, data, flags)));

    private byte[] Request(byte[] message)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Connect(new UnixDomainSocketEndPoint(SocketPath));
        using var stream = new NetworkStream(socket, ownsSocket: false);
        stream.Write(message);
        Span<byte> header = stackalloc byte[4];
        stream.ReadExactly(header);
        var length = BinaryPrimitives.ReadUInt32BigEndian(header);
        if (length is 0 or > MaxMessage)
        {
            throw new InvalidDataException($"the ssh-agent sent a message of {length} bytes");
        }

        var answer = new byte[length];
        stream.ReadExactly(answer);
        return answer;
    }
}
