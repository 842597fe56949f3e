using Fabric.Engine;
using Fabric.Engine.Output;
using Fabric.Tool.Console;

namespace Fabric.Tests.Tool.Console;

public class OutputGroupsTests
{
    [Fact]
    public void Debug_is_hidden_and_everything_else_shown_by_default()
    {
        var groups = new OutputGroups([], []);

        Assert.False(groups.IsShown(OutputKind.Debug));
        Assert.True(groups.IsShown(OutputKind.Stdout));
        Assert.True(groups.IsShown(OutputKind.Executing));
    }

    [Fact]
    public void Hide_everything_keeps_fatal_errors_and_the_tasks_own_lines()
    {
        var groups = new OutputGroups(["everything"], []);

        Assert.False(groups.IsShown(OutputKind.Stdout));
        Assert.False(groups.IsShown(OutputKind.Status));
        Assert.True(groups.IsShown(OutputKind.Fatal));
        Assert.True(groups.IsShown(OutputKind.User));
    }

    [Fact]
    public void Show_wins_over_hide_for_the_same_group()
    {
        var groups = new OutputGroups(["stdout"], ["stdout", "debug"]);

        Assert.True(groups.IsShown(OutputKind.Stdout));
        Assert.True(groups.IsShown(OutputKind.Debug));
    }

    [Fact]
    public void An_unknown_group_is_a_usage_error()
    {
        Assert.Throws<FabricUsageException>(() => new OutputGroups(["stdot"], []));
    }
}
