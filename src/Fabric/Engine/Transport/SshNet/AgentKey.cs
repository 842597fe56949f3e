using Fabric.Engine.Ssh;
using Renci.SshNet;
using Renci.SshNet.Security;

namespace Fabric.Engine.Transport.SshNet;

/// <summary>
/// One identity held by the ssh-agent, as SSH.NET wants a private key: its signature algorithms (for RSA:
/// rsa-sha2-512, rsa-sha2-256, ssh-rsa) each sign by asking the agent, so the private key never leaves it.
/// </summary>
internal sealed class AgentKey : IPrivateKeySource
{
    public AgentKey(SshAgentClient agent, byte[] blob, string comment)
    {
        Blob = blob;
        Comment = comment;
        HostKeyAlgorithms = [.. SshAgentProtocol.AlgorithmsOf(SshAgentProtocol.KeyTypeOf(blob)).Select(a => new Algorithm(agent, a.Algorithm, blob, a.Flags))];
    }

    /// <summary>The public key blob.</summary>
    public byte[] Blob { get; }

    public string Comment { get; }

    public IReadOnlyCollection<HostAlgorithm> HostKeyAlgorithms { get; }

    private sealed class Algorithm(SshAgentClient agent, string name, byte[] blob, uint flags) : HostAlgorithm(name)
    {
        public override byte[] Data => blob;

        public override byte[] Sign(byte[] data) => agent.Sign(blob, data, flags);

        public override bool VerifySignature(byte[] data, byte[] signature) =>
            throw new NotSupportedException("An agent key only signs.");
    }
}
