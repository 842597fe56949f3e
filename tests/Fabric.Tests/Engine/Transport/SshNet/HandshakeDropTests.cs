using System.Net.Sockets;
using Fabric.Engine.Ssh;
using Fabric.Engine.Transport.SshNet;
using Renci.SshNet.Common;
using Renci.SshNet.Messages.Transport;

namespace Fabric.Tests.Engine.Transport.SshNet;

public sealed class HandshakeDropTests
{
    [Fact]
    public void A_connection_closed_before_the_server_identified_itself_is_a_drop() =>
        Assert.True(HandshakeDrop.Is(new SshConnectionException(
            "The connection to the remote server was closed before a valid SSH identification string was received.", DisconnectReason.ConnectionLost)));

    [Theory]
    [InlineData(SocketError.ConnectionReset)]
    [InlineData(SocketError.ConnectionAborted)]
    public void A_connection_reset_by_the_server_is_a_drop(SocketError error)
    {
        Assert.True(HandshakeDrop.Is(new SocketException((int)error)));
        Assert.True(HandshakeDrop.Is(new IOException("reset", new SocketException((int)error))));
    }

    [Fact]
    public void Refused_timed_out_and_failed_key_exchange_are_not_drops()
    {
        Assert.False(HandshakeDrop.Is(new SocketException((int)SocketError.ConnectionRefused)));
        Assert.False(HandshakeDrop.Is(new SshOperationTimeoutException("Connection has timed out.")));
        Assert.False(HandshakeDrop.Is(new SshConnectionException("Key exchange negotiation failed.", DisconnectReason.KeyExchangeFailed)));
    }

    [Fact]
    public void Pauses_start_near_a_tenth_of_a_second_double_and_stay_under_three_seconds()
    {
        for (var i = 0; i < 50; i++)
        {
            Assert.InRange(HandshakeDrop.PauseBefore(1).TotalMilliseconds, 50, 150);
            Assert.InRange(HandshakeDrop.PauseBefore(2).TotalMilliseconds, 100, 300);
            Assert.InRange(HandshakeDrop.PauseBefore(HandshakeDrop.Retries).TotalMilliseconds, 1000, 3000);
        }
    }

    [Fact]
    public void Giving_up_names_MaxStartups_and_what_to_do()
    {
        var message = HandshakeDrop.GaveUp();

        Assert.Contains($"{HandshakeDrop.Retries + 1} times", message, StringComparison.Ordinal);
        Assert.Contains("MaxStartups", message, StringComparison.Ordinal);
        Assert.Contains("lower the pool size (Env.PoolSize)", message, StringComparison.Ordinal);
    }
}
