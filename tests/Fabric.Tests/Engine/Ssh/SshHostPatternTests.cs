using Fabric.Engine.Ssh;

namespace Fabric.Tests.Engine.Ssh;

public sealed class SshHostPatternTests
{
    [Theory]
    [InlineData("web*", "web1", true)]
    [InlineData("web*", "db1", false)]
    [InlineData("web?", "web12", false)]
    [InlineData("web?", "WEB1", true)]
    [InlineData("*.example.localhost", "a.b.example.localhost", true)]
    [InlineData("*", "anything", true)]
    [InlineData("a*b*c", "axxbyyc", true)]
    [InlineData("a*b*c", "axxbyy", false)]
    public void Wildcards_match_as_in_OpenSSH(string pattern, string host, bool matches) =>
        Assert.Equal(matches, SshHostPattern.Matches(pattern, host));

    [Fact]
    public void Any_positive_pattern_of_a_list_matches()
    {
        Assert.True(SshHostPattern.MatchesList(["db*", "web*"], "web2"));
        Assert.False(SshHostPattern.MatchesList(["db*", "web*"], "cache1"));
    }

    [Fact]
    public void A_negated_pattern_wins_over_a_positive_one()
    {
        Assert.False(SshHostPattern.MatchesList(["web*", "!web3"], "web3"));
        Assert.True(SshHostPattern.MatchesList(["web*", "!web3"], "web2"));
    }

    [Fact]
    public void A_negated_pattern_alone_matches_nothing() =>
        Assert.False(SshHostPattern.MatchesList(["!web3"], "web2"));
}
