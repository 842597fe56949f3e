using System.Buffers.Binary;
using System.Text;
using Fabric.Engine.Ssh;

namespace Fabric.Tests.Engine.Ssh;

public sealed class SshAgentProtocolTests
{
    [Fact]
    public void List_request_is_a_length_and_type_11() =>
        Assert.Equal([0, 0, 0, 1, 11], SshAgentProtocol.ListRequest());

    [Fact]
    public void Sign_request_carries_key_data_and_flags()
    {
        var message = SshAgentProtocol.SignRequestFor([1, 2], [9, 8, 7], SshAgentProtocol.RsaSha2512);

        Assert.Equal(
            [0, 0, 0, 18, 13, 0, 0, 0, 2, 1, 2, 0, 0, 0, 3, 9, 8, 7, 0, 0, 0, 4],
            message);
        Assert.Equal((uint)(message.Length - 4), BinaryPrimitives.ReadUInt32BigEndian(message));
    }

    [Fact]
    public void Identities_answer_yields_each_blob_and_comment()
    {
        var answer = Concat([12], U32(2), Str(Blob("ssh-ed25519")), Str("me@laptop"u8.ToArray()), Str(Blob("ssh-rsa")), Str([]));

        var identities = SshAgentProtocol.ParseIdentities(answer);

        Assert.Equal(["me@laptop", ""], identities.Select(i => i.Comment));
        Assert.Equal("ssh-rsa", SshAgentProtocol.KeyTypeOf(identities[1].Blob));
    }

    [Fact]
    public void Sign_response_yields_the_signature_blob()
    {
        var signature = Concat(Str("ssh-ed25519"u8.ToArray()), Str([5, 5, 5]));

        Assert.Equal(signature, SshAgentProtocol.ParseSignature(Concat([14], Str(signature))));
    }

    [Fact]
    public void Failure_answer_is_a_refusal() =>
        Assert.Contains("refused", Assert.Throws<InvalidDataException>(() => SshAgentProtocol.ParseSignature([5])).Message, StringComparison.Ordinal);

    [Fact]
    public void Truncated_answer_is_rejected() =>
        Assert.Throws<InvalidDataException>(() => SshAgentProtocol.ParseIdentities(Concat([12], U32(1), U32(40), [1, 2])));

    [Fact]
    public void Rsa_keys_offer_sha2_signatures_first_with_their_agent_flags()
    {
        Assert.Equal([("rsa-sha2-512", 4u), ("rsa-sha2-256", 2u), ("ssh-rsa", 0u)], SshAgentProtocol.AlgorithmsOf("ssh-rsa"));
        Assert.Equal([("ecdsa-sha2-nistp256", 0u)], SshAgentProtocol.AlgorithmsOf("ecdsa-sha2-nistp256"));
    }

    private static byte[] Blob(string type) => Concat(Str(Encoding.ASCII.GetBytes(type)), Str([1, 2, 3]));

    private static byte[] U32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] Str(byte[] value) => Concat(U32((uint)value.Length), value);

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
