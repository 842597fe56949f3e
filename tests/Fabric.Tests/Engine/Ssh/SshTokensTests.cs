using Fabric.Engine.Ssh;

namespace Fabric.Tests.Engine.Ssh;

public sealed class SshTokensTests
{
    private static readonly SshTokens Tokens = new("/home/injected", "local", "deploy", "127.0.0.5", "web1", 2222);

    [Fact]
    public void Tokens_expand_to_home_users_host_alias_and_port() =>
        Assert.Equal("/home/injected/local/deploy@127.0.0.5 web1:2222 %", Tokens.Expand("%d/%u/%r@%h %n:%p %%"));

    [Fact]
    public void Tilde_then_tokens_make_an_identity_path() =>
        Assert.Equal("/home/injected/.ssh/id_web1_deploy", Tokens.ExpandPath("~/.ssh/id_%n_%r"));

    [Fact]
    public void Tilde_in_the_middle_is_left_alone() =>
        Assert.Equal("/keys/~/id", Tokens.ExpandPath("/keys/~/id"));

    [Theory]
    [InlineData("%x")]
    [InlineData("key%")]
    public void Unknown_or_lone_percent_is_a_format_error(string text) =>
        Assert.Throws<FormatException>(() => Tokens.Expand(text));
}
