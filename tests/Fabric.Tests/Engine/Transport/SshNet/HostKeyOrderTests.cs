using Fabric.Engine.Ssh;
using Fabric.Engine.Transport.SshNet;

namespace Fabric.Tests.Engine.Transport.SshNet;

public sealed class HostKeyOrderTests
{
    /// <summary>SSH.NET 2026.0.1's host key algorithms (as in 2026.0.0), in its order.</summary>
    private static readonly string[] SshNet =
    [
        "ssh-ed25519-cert-v01@openssh.com", "ecdsa-sha2-nistp256-cert-v01@openssh.com", "ecdsa-sha2-nistp384-cert-v01@openssh.com",
        "ecdsa-sha2-nistp521-cert-v01@openssh.com", "rsa-sha2-512-cert-v01@openssh.com", "rsa-sha2-256-cert-v01@openssh.com",
        "ssh-rsa-cert-v01@openssh.com", "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
        "rsa-sha2-512", "rsa-sha2-256", "ssh-rsa",
    ];

    private static readonly string[] Default =
        ["ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "rsa-sha2-512", "rsa-sha2-256", "ssh-rsa"];

    [Fact]
    public void With_nothing_known_the_order_is_OpenSSHs_without_certificates_and_sha1_rsa_last()
    {
        Assert.Equal(Default, HostKeyOrder.Order(SshNet, null, []));
    }

    [Fact]
    public void A_known_rsa_key_puts_every_rsa_signature_algorithm_first()
    {
        var order = HostKeyOrder.Order(SshNet, null, ["ssh-rsa"]);

        Assert.Equal(["rsa-sha2-512", "rsa-sha2-256", "ssh-rsa", "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521"], order);
    }

    [Fact]
    public void A_known_ecdsa_key_puts_its_own_curve_first_only()
    {
        var order = HostKeyOrder.Order(SshNet, null, ["ecdsa-sha2-nistp384"]);

        Assert.Equal("ecdsa-sha2-nistp384", order[0]);
        Assert.Equal(["ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp521"], order.Skip(1).Take(3));
    }

    [Fact]
    public void When_the_first_choice_is_known_the_list_is_kept_as_is()
    {
        Assert.Equal(Default, HostKeyOrder.Order(SshNet, null, ["ssh-ed25519", "ssh-rsa"]));
    }

    [Fact]
    public void Several_known_types_go_first_in_the_default_order()
    {
        var order = HostKeyOrder.Order(SshNet, null, ["ssh-rsa", "ecdsa-sha2-nistp256"]);

        Assert.Equal(["ecdsa-sha2-nistp256", "rsa-sha2-512", "rsa-sha2-256", "ssh-rsa", "ssh-ed25519"], order.Take(5));
    }

    [Fact]
    public void Plus_and_minus_still_put_known_types_first()
    {
        Assert.Equal(["rsa-sha2-512", "rsa-sha2-256", "ssh-ed25519"], HostKeyOrder.Order(SshNet, "-ecdsa-sha2-nistp256,ecdsa-sha2-nistp384,ecdsa-sha2-nistp521,ssh-rsa", ["ssh-rsa"]));

        var withCertificate = HostKeyOrder.Order(SshNet, "+ssh-ed25519-cert-v01@openssh.com", ["ssh-rsa"]);

        Assert.Equal(["rsa-sha2-512", "rsa-sha2-256", "ssh-rsa", "ssh-ed25519"], withCertificate.Take(4));
        Assert.Equal("ssh-ed25519-cert-v01@openssh.com", withCertificate[^1]);
    }

    [Fact]
    public void A_plain_list_or_caret_is_offered_as_written_whatever_is_known()
    {
        Assert.Equal(["ssh-ed25519", "rsa-sha2-512"], HostKeyOrder.Order(SshNet, "ssh-ed25519, no-such-alg ,rsa-sha2-512", ["ssh-rsa"]));
        Assert.Equal(["ecdsa-sha2-nistp256", .. Default.Where(a => a != "ecdsa-sha2-nistp256")], HostKeyOrder.Order(SshNet, "^ecdsa-sha2-nistp256", ["ssh-rsa"]));
    }

    [Fact]
    public void A_list_of_nothing_the_client_knows_aborts_naming_what_it_supports()
    {
        var error = Assert.Throws<AbortException>(() => HostKeyOrder.Order(SshNet, "ssh-dss", []));

        Assert.StartsWith("HostKeyAlgorithms 'ssh-dss' leaves no host key algorithm this client supports (", error.Message, StringComparison.Ordinal);
        Assert.Contains("rsa-sha2-512", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rsa-sha2-512", "ssh-rsa")]
    [InlineData("rsa-sha2-256", "ssh-rsa")]
    [InlineData("ssh-rsa", "ssh-rsa")]
    [InlineData("rsa-sha2-512-cert-v01@openssh.com", "ssh-rsa")]
    [InlineData("ecdsa-sha2-nistp521", "ecdsa-sha2-nistp521")]
    [InlineData("ssh-ed25519-cert-v01@openssh.com", "ssh-ed25519")]
    public void An_algorithm_names_the_key_type_known_hosts_holds_for_it(string algorithm, string keyType)
    {
        Assert.Equal(keyType, HostKeyOrder.KeyTypeOf(algorithm));
    }
}
