using Fabric.Engine;
using Fabric.Engine.Hosts;

namespace Fabric.Tests.Engine.Hosts;

public class HostStringTests
{
    [Theory]
    [InlineData("web1", null, "web1", null)]
    [InlineData("deploy@web1", "deploy", "web1", null)]
    [InlineData("web1:2222", null, "web1", 2222)]
    [InlineData("deploy@web1.example.localhost:22", "deploy", "web1.example.localhost", 22)]
    [InlineData("10.0.0.5:65535", null, "10.0.0.5", 65535)]
    [InlineData("[::1]:2222", null, "::1", 2222)]
    [InlineData("[::1]", null, "::1", null)]
    [InlineData("user@[fe80::1]:22", "user", "fe80::1", 22)]
    [InlineData("::1", null, "::1", null)]
    [InlineData("root@fe80::1:2", "root", "fe80::1:2", null)]
    [InlineData("a@b@host", "a@b", "host", null)]
    public void Parses_user_host_and_port(string text, string? user, string host, int? port)
    {
        var parsed = HostString.Parse(text);

        Assert.Equal(new HostString(text, user, host, port), parsed);
    }

    [Fact]
    public void Surrounding_whitespace_is_trimmed_and_original_keeps_the_trimmed_text()
    {
        var parsed = HostString.Parse("  deploy@web1:2222 \t");

        Assert.Equal(new HostString("deploy@web1:2222", "deploy", "web1", 2222), parsed);
    }

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("   ", "it is empty")]
    [InlineData("@h", "the user before '@' is empty")]
    [InlineData("u@", "the host after '@' is missing")]
    [InlineData("h:", "the port after ':' is missing")]
    [InlineData("h:0", "the port must be a number from 1 to 65535")]
    [InlineData("h:65536", "the port must be a number from 1 to 65535")]
    [InlineData("h:70000", "the port must be a number from 1 to 65535")]
    [InlineData("h:x", "the port must be a number from 1 to 65535")]
    [InlineData("h:-22", "the port must be a number from 1 to 65535")]
    [InlineData("h:+22", "the port must be a number from 1 to 65535")]
    [InlineData("[::1", "the '[' is never closed by ']'")]
    [InlineData("[::1]x", "only ':port' may follow ']'")]
    [InlineData("[::1]:", "the port after ':' is missing")]
    [InlineData("[]:22", "the host is empty")]
    [InlineData(":22", "the host is empty")]
    [InlineData("web 1", "it contains whitespace")]
    [InlineData("deploy @web1", "it contains whitespace")]
    [InlineData("web]1", "brackets must enclose the whole host, as in [::1]:22")]
    public void Invalid_host_strings_are_usage_errors_naming_the_string(string text, string reason)
    {
        var error = Assert.Throws<FabricUsageException>(() => HostString.Parse(text));

        Assert.Equal($"Invalid host string '{text.Trim()}': {reason}.", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Port_error_message_matches_the_documented_form()
    {
        var error = Assert.Throws<FabricUsageException>(() => HostString.Parse("web1:abc"));

        Assert.Equal("Invalid host string 'web1:abc': the port must be a number from 1 to 65535.", error.Message);
    }

    [Fact]
    public void User_and_port_fall_back_to_the_defaults_only_when_not_written()
    {
        var bare = HostString.Parse("web1");
        var full = HostString.Parse("deploy@web1:2222");

        Assert.Equal(("me", 22), (bare.UserOr("me"), bare.PortOr(22)));
        Assert.Equal(("deploy", 2222), (full.UserOr("me"), full.PortOr(22)));
    }

    [Theory]
    [InlineData("deploy@web1:2222", "web1", true)]
    [InlineData("web1", "WEB1", true)]
    [InlineData("deploy@web1", "deploy@web1", true)]
    [InlineData("deploy@web1", "root@web1", false)]
    [InlineData("web1", "root@web1", false)]
    [InlineData("web1:2222", "web1:22", false)]
    [InlineData("web1", "web1:22", false)]
    [InlineData("web1:2222", "web1:2222", true)]
    [InlineData("deploy@web1:2222", "deploy@web1:2222", true)]
    [InlineData("web10", "web1", false)]
    [InlineData("Deploy@web1", "deploy@web1", false)]
    [InlineData("[::1]:2222", "0:0:0:0:0:0:0:1", true)]
    [InlineData("[::1]:2222", "::2", false)]
    public void Exclusion_covers_a_host_when_every_part_it_names_matches(string host, string exclusion, bool covered)
    {
        var isCovered = HostString.Parse(host).IsCoveredBy(HostString.Parse(exclusion));

        Assert.Equal(covered, isCovered);
    }
}
