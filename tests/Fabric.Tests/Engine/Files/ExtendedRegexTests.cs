using Fabric.Engine.Files;

namespace Fabric.Tests.Engine.Files;

/// <summary>Literal text as an extended regular expression, and Fabric's anchoring for <c>comment</c>.</summary>
public sealed class ExtendedRegexTests
{
    public static TheoryData<Userland> Both => UserlandShell.Both;

    [Theory]
    [MemberData(nameof(Both))]
    public void Each_literal_matches_its_own_line_and_no_look_alike_under_grep_E(Userland userland)
    {
        using var shell = new UserlandShell(userland);
        var texts = ShellWordsTests.Nasty.Where(t => t.Length > 0 && !t.Contains('\n', StringComparison.Ordinal)).ToArray();
        shell.Write("f", string.Join('\n', texts) + "\nxplain\nab\nx\n");

        foreach (var text in texts)
        {
            var (exit, stdout, stderr) = shell.Run($"grep -E -x -e {ShellWords.Text(ExtendedRegex.Literal(text))} f");

            Assert.True(exit == 0, $"{text}: {stderr}");
            Assert.Equal(text + "\n", stdout);
            Assert.Empty(stderr);
        }
    }

    [Theory]
    [InlineData("^foo", "^(foo)")]
    [InlineData("foo$", "(foo)$")]
    [InlineData("^a|b$", "^(a|b)$")]
    [InlineData("cost \\$", "(cost \\$)")]
    [InlineData("cost \\\\$", "(cost \\\\)$")]
    [InlineData("plain", "(plain)")]
    public void Fabric_anchors_stay_outside_the_group_and_an_escaped_dollar_stays_inside(string regex, string anchored)
    {
        Assert.Equal(anchored, ExtendedRegex.Anchored(regex));
    }
}
