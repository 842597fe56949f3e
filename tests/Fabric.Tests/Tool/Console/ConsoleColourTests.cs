using Fabric.Tool.Console;

namespace Fabric.Tests.Tool.Console;

/// <summary>When the console shows colour: on a terminal, unless NO_COLOR (any non-empty value) or TERM=dumb says no.</summary>
public class ConsoleColourTests
{
    [Theory]
    [InlineData(false, null, "xterm-256color", true)]
    [InlineData(false, "", "xterm", true)]
    [InlineData(false, "1", "xterm", false)]
    [InlineData(false, "yes", null, false)]
    [InlineData(false, null, "dumb", false)]
    [InlineData(true, null, "xterm", false)]
    public void Colour_follows_the_terminal_NO_COLOR_and_TERM(bool redirected, string? noColor, string? term, bool expected)
    {
        var environment = new Dictionary<string, string?> { ["NO_COLOR"] = noColor, ["TERM"] = term };

        Assert.Equal(expected, ConsoleSettings.UseColour(redirected, name => environment.GetValueOrDefault(name)));
    }
}
