using Fabric.Engine;
using Fabric.Engine.Hosts;

namespace Fabric.Tests.Engine.Hosts;

/// <summary>The one host-string validator: every place that takes host strings reports a bad one in the same words.</summary>
public class HostStringValidatorTests
{
    [Theory]
    [InlineData("-H", "web1:abc", "Invalid host string 'web1:abc' in -H: the port must be a number from 1 to 65535.")]
    [InlineData("Env.Hosts", "deploy@", "Invalid host string 'deploy@' in Env.Hosts: the host after '@' is missing.")]
    [InlineData("Settings(hostString:)", " [::1 ", "Invalid host string '[::1' in Settings(hostString:): the '[' is never closed by ']'.")]
    public void A_bad_host_string_is_named_with_where_it_came_from(string source, string text, string message)
    {
        var error = Assert.Throws<FabricUsageException>(() => HostString.Parse(text, source));

        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_missing_or_blank_entry_is_an_empty_host_string(string? text)
    {
        var error = Assert.Throws<FabricUsageException>(() => HostString.Parse(text, "Env.Hosts"));

        Assert.Equal("Invalid host string '' in Env.Hosts: it is empty.", error.Message);
    }

    [Fact]
    public void Without_a_source_the_message_is_the_plain_one() =>
        Assert.Equal(
            "Invalid host string 'h:0': the port must be a number from 1 to 65535.",
            Assert.Throws<FabricUsageException>(() => HostString.Parse("h:0")).Message);

    [Fact]
    public void A_good_host_string_parses_the_same_with_or_without_a_source() =>
        Assert.Equal(HostString.Parse("deploy@web1:2222"), HostString.Parse(" deploy@web1:2222 ", "-H"));

    [Fact]
    public void Validating_several_sources_names_the_source_of_the_first_bad_entry()
    {
        var error = Assert.Throws<FabricUsageException>(() => HostString.Validate(("-H", ["web1", "web2"]), ("-x", ["ok", "bad:0"])));

        Assert.Equal("Invalid host string 'bad:0' in -x: the port must be a number from 1 to 65535.", error.Message);
        HostString.Validate(("-H", ["web1", "deploy@[::1]:22"]), ("-x", []));
    }

    [Fact]
    public void A_jump_host_may_be_written_as_an_ssh_url_and_is_checked_alike()
    {
        Assert.Equal(HostString.Parse("gw@bastion:2200"), HostString.ParseJumpHost("ssh://gw@bastion:2200", "Env.Gateway"));
        Assert.Equal(
            "Invalid host string 'bastion:x' in Env.Gateway: the port must be a number from 1 to 65535.",
            Assert.Throws<FabricUsageException>(() => HostString.ParseJumpHost("ssh://bastion:x", "Env.Gateway")).Message);
    }
}
