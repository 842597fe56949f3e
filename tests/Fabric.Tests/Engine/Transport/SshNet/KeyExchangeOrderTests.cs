using Fabric.Engine.Ssh;
using Fabric.Engine.Transport.SshNet;

namespace Fabric.Tests.Engine.Transport.SshNet;

public class KeyExchangeOrderTests
{
    private static readonly string[] SshNet =
    [
        "mlkem768x25519-sha256", "sntrup761x25519-sha512", "sntrup761x25519-sha512@openssh.com", "curve25519-sha256",
        "curve25519-sha256@libssh.org", "ecdh-sha2-nistp256", "diffie-hellman-group14-sha256",
    ];

    [Fact]
    public void The_default_puts_mlkem_first_then_curve25519_before_sntrup761()
    {
        var order = KeyExchangeOrder.Order(SshNet, null);

        Assert.Equal(
            ["mlkem768x25519-sha256", "curve25519-sha256", "curve25519-sha256@libssh.org", "ecdh-sha2-nistp256",
             "sntrup761x25519-sha512", "sntrup761x25519-sha512@openssh.com", "diffie-hellman-group14-sha256"],
            order);
    }

    [Fact]
    public void A_plain_list_offers_exactly_those_the_client_knows_in_that_order()
    {
        Assert.Equal(["sntrup761x25519-sha512@openssh.com", "curve25519-sha256"], KeyExchangeOrder.Order(SshNet, "sntrup761x25519-sha512@openssh.com, no-such-kex ,curve25519-sha256"));
    }

    [Fact]
    public void A_caret_moves_algorithms_to_the_front()
    {
        var order = KeyExchangeOrder.Order(SshNet, "^sntrup761x25519-sha512@openssh.com");

        Assert.Equal("sntrup761x25519-sha512@openssh.com", order[0]);
        Assert.Equal(SshNet.Length, order.Count);
    }

    [Fact]
    public void A_minus_removes_algorithms()
    {
        var order = KeyExchangeOrder.Order(SshNet, "-mlkem768x25519-sha256,diffie-hellman-group14-sha256");

        Assert.Equal("curve25519-sha256", order[0]);
        Assert.DoesNotContain("diffie-hellman-group14-sha256", order);
    }

    [Fact]
    public void A_list_of_nothing_the_client_knows_aborts_naming_what_it_supports()
    {
        var error = Assert.Throws<AbortException>(() => KeyExchangeOrder.Order(SshNet, "no-such-kex"));

        Assert.Contains("curve25519-sha256", error.Message, StringComparison.Ordinal);
    }
}
