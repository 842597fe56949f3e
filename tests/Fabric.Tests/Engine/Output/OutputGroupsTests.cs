using System.Collections.Immutable;
using Fabric.Engine;
using Fabric.Engine.Execution;
using Fabric.Engine.Output;

namespace Fabric.Tests.Engine.Output;

public class OutputGroupsTests
{
    private static readonly ImmutableDictionary<string, bool> NoChoice = ImmutableDictionary<string, bool>.Empty;

    [Fact]
    public void Debug_is_hidden_and_everything_else_shown_by_default()
    {
        Assert.False(OutputGroups.IsShown(OutputKind.Debug, ScopeSettings.None, NoChoice));
        Assert.True(OutputGroups.IsShown(OutputKind.Stdout, ScopeSettings.None, NoChoice));
        Assert.True(OutputGroups.IsShown(OutputKind.Executing, ScopeSettings.None, NoChoice));
    }

    [Fact]
    public void Hide_everything_on_the_command_line_keeps_fatal_errors()
    {
        var run = OutputGroups.Of(["everything"], []);

        Assert.False(OutputGroups.IsShown(OutputKind.Stdout, ScopeSettings.None, run));
        Assert.False(OutputGroups.IsShown(OutputKind.Status, ScopeSettings.None, run));
        Assert.True(OutputGroups.IsShown(OutputKind.Fatal, ScopeSettings.None, run));
    }

    [Fact]
    public void Show_wins_over_hide_on_the_command_line()
    {
        var run = OutputGroups.Of(["stdout"], ["stdout", "debug"]);

        Assert.True(OutputGroups.IsShown(OutputKind.Stdout, ScopeSettings.None, run));
        Assert.True(OutputGroups.IsShown(OutputKind.Debug, ScopeSettings.None, run));
    }

    [Fact]
    public void A_scope_overrides_the_command_line_choice()
    {
        var run = OutputGroups.Of(["stdout"], []);
        var scope = ScopeSettings.None with { OutputGroups = ImmutableDictionary<string, bool>.Empty.Add("stdout", true) };

        Assert.True(OutputGroups.IsShown(OutputKind.Stdout, scope, run));
    }

    [Fact]
    public void An_unknown_group_on_the_command_line_is_a_usage_error_naming_it()
    {
        var error = Assert.Throws<FabricUsageException>(() => OutputGroups.Of(["stdot"], []));

        Assert.StartsWith("Unknown output group 'stdot'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_group_in_fabfile_code_is_an_argument_error_naming_it()
    {
        var error = Assert.Throws<ArgumentException>(() => OutputGroups.Expand("stdot"));

        Assert.Contains("'stdot'", error.Message, StringComparison.Ordinal);
    }
}
