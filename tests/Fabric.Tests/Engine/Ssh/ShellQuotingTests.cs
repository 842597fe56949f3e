using Fabric.Engine.Ssh;

namespace Fabric.Tests.Engine.Ssh;

public sealed class ShellQuotingTests
{
    [Theory]
    [InlineData("plain", "'plain'")]
    [InlineData("it's", "'it'\"'\"'s'")]
    [InlineData("$HOME `x` \"q\"", "'$HOME `x` \"q\"'")]
    [InlineData("", "''")]
    public void Quote_makes_one_literal_word(string text, string expected) => Assert.Equal(expected, ShellQuoting.Quote(text));

    [Theory]
    [InlineData("~", "~")]
    [InlineData("~/my app", "~/'my app'")]
    [InlineData("/srv/it's", "'/srv/it'\"'\"'s'")]
    [InlineData("rel/~x", "'rel/~x'")]
    public void QuotePath_keeps_the_home_tilde_active(string path, string expected) => Assert.Equal(expected, ShellQuoting.QuotePath(path));

    [Theory]
    [InlineData("/var/log/*.log", "/var/log/*.log")]
    [InlineData("~/my logs/a?.txt", "~/my\\ logs/a?.txt")]
    [InlineData("/tmp/$(rm -rf x)*", "/tmp/\\$\\(rm\\ -rf\\ x\\)*")]
    public void QuoteGlob_keeps_only_wildcards_active(string pattern, string expected) => Assert.Equal(expected, ShellQuoting.QuoteGlob(pattern));

    [Theory]
    [InlineData("PATH", true)]
    [InlineData("_x1", true)]
    [InlineData("1x", false)]
    [InlineData("A-B", false)]
    [InlineData("", false)]
    public void IsVariableName_accepts_shell_identifiers_only(string name, bool expected) => Assert.Equal(expected, ShellQuoting.IsVariableName(name));
}
