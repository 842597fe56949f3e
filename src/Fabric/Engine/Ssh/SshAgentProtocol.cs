using System.Buffers.Binary;
using System.Text;

namespace Fabric.Engine.Ssh;

/// <summary>
/// The ssh-agent wire format (draft-miller-ssh-agent) for the two requests Fabric makes: list the identities
/// (11 → 12) and sign with one (13 → 14; flags 2 and 4 ask for rsa-sha2-256/512). Every message is a
/// <c>uint32</c> length then a type byte and its body; strings are a <c>uint32</c> length and the bytes. Pure.
/// </summary>
internal static class SshAgentProtocol
{
    public const byte Failure = 5;
    public const byte RequestIdentities = 11;
    public const byte IdentitiesAnswer = 12;
    public const byte SignRequest = 13;
    public const byte SignResponse = 14;
    public const uint RsaSha2256 = 2;
    public const uint RsaSha2512 = 4;

    /// <summary>The framed request for the agent's identities.</summary>
    public static byte[] ListRequest() => Frame(RequestIdentities, []);

    /// <summary>The framed request to sign <paramref name="data"/> with the key <paramref name="keyBlob"/>.</summary>
    public static byte[] SignRequestFor(byte[] keyBlob, byte[] data, uint flags)
    {
        var body = new List<byte>();
        WriteString(body, keyBlob);
        WriteString(body, data);
        WriteUInt32(body, flags);
        return Frame(SignRequest, [.. body]);
    }

    /// <summary>The identities in an answer (type byte and body, without the length): each key blob and its comment.</summary>
    /// <exception cref="InvalidDataException">Not an identities answer, or truncated.</exception>
    public static List<(byte[] Blob, string Comment)> ParseIdentities(ReadOnlySpan<byte> message)
    {
        Expect(message, IdentitiesAnswer, "list the identities");
        var body = message[1..];
        var count = ReadUInt32(ref body);
        var identities = new List<(byte[], string)>();
        for (var i = 0; i < count; i++)
        {
            var blob = ReadString(ref body).ToArray();
            identities.Add((blob, Encoding.UTF8.GetString(ReadString(ref body))));
        }

        return identities;
    }

    /// <summary>The signature blob of a sign response (<c>string algorithm, string signature</c>, as SSH wants it).</summary>
    /// <exception cref="InvalidDataException">The agent refused, or the answer is malformed.</exception>
    public static byte[] ParseSignature(ReadOnlySpan<byte> message)
    {
        Expect(message, SignResponse, "sign");
        var body = message[1..];
        return ReadString(ref body).ToArray();
    }

    /// <summary>The key type a public key blob starts with (<c>ssh-ed25519</c>, <c>ssh-rsa</c>, <c>ecdsa-sha2-nistp256</c>, …).</summary>
    public static string KeyTypeOf(ReadOnlySpan<byte> blob) => Encoding.ASCII.GetString(ReadString(ref blob));

    /// <summary>The SSH signature algorithms a key can sign with, best first, and the agent flags for each.</summary>
    public static IReadOnlyList<(string Algorithm, uint Flags)> AlgorithmsOf(string keyType) => keyType == "ssh-rsa"
        ? [("rsa-sha2-512", RsaSha2512), ("rsa-sha2-256", RsaSha2256), ("ssh-rsa", 0)]
        : [(keyType, 0)];

    private static void Expect(ReadOnlySpan<byte> message, byte type, string what)
    {
        if (message.Length == 0 || message[0] == Failure)
        {
            throw new InvalidDataException($"the ssh-agent refused to {what}");
        }

        if (message[0] != type)
        {
            throw new InvalidDataException($"the ssh-agent answered message {message[0]} to a request to {what}");
        }
    }

    private static byte[] Frame(byte type, byte[] body)
    {
        var message = new byte[5 + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(message, (uint)(1 + body.Length));
        message[4] = type;
        body.CopyTo(message, 5);
        return message;
    }

    private static void WriteString(List<byte> to, byte[] value)
    {
        WriteUInt32(to, (uint)value.Length);
        to.AddRange(value);
    }

    private static void WriteUInt32(List<byte> to, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        to.AddRange(bytes);
    }

    private static uint ReadUInt32(ref ReadOnlySpan<byte> data)
    {
        if (data.Length < 4)
        {
            throw new InvalidDataException("the ssh-agent's answer is truncated");
        }

        var value = BinaryPrimitives.ReadUInt32BigEndian(data);
        data = data[4..];
        return value;
    }

    private static ReadOnlySpan<byte> ReadString(ref ReadOnlySpan<byte> data)
    {
        var length = ReadUInt32(ref data);
        if (length > data.Length)
        {
            throw new InvalidDataException("the ssh-agent's answer is truncated");
        }

        var value = data[..(int)length];
        data = data[(int)length..];
        return value;
    }
}
