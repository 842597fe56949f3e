using Fabric.EndToEnd.Tests.Infrastructure;

namespace Fabric.EndToEnd.Tests.Execution;

/// <summary>Task arguments through the real tool: typed binding, escaping, and up-front validation.</summary>
[Collection(PrecedenceSuite.Name)]
public class ArgumentTests(PrecedenceFabfile fabfile)
{
    [Fact]
    public async Task Arguments_bind_by_name_and_position_converted_to_each_parameter_type()
    {
        var result = await fabfile.RunAsync("args:bob,count=3,loud=yes,ratio=2.5,color=green,wait=90s,tags=a;b");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("name=bob count=3 loud=True ratio=2.5 color=Green wait=00:01:30 tags=a|b", result.StdoutLines);
    }

    [Fact]
    public async Task Missing_optional_arguments_take_their_defaults()
    {
        var result = await fabfile.RunAsync("args:name=bob");

        Assert.Contains("name=bob count=1 loud=False ratio=0.5 color=Red wait=00:00:00 tags=", result.StdoutLines);
    }

    [Fact]
    public async Task Escaped_commas_equals_and_colons_are_literal()
    {
        var result = await fabfile.RunAsync(@"args:a\,b\=c\:d");

        Assert.Contains("name=a,b=c:d count=1 loud=False ratio=0.5 color=Red wait=00:00:00 tags=", result.StdoutLines);
    }

    [Fact]
    public async Task An_unescaped_second_equals_sign_belongs_to_the_value()
    {
        var result = await fabfile.RunAsync("args:name=k=v");

        Assert.Contains(result.StdoutLines, l => l.StartsWith("name=k=v count=1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Set_values_reach_Env()
    {
        var result = await fabfile.RunAsync("--set", "colour=blue,empty=", "show-setting:colour", "show-setting:empty", "show-setting:absent");

        Assert.Equal(["colour=blue", "empty=", "absent=(unset)"], result.StdoutLines[..3]);
    }

    [Fact]
    public async Task All_problems_of_the_line_are_reported_together()
    {
        var result = await fabfile.RunAsync("nosuch", "args:count=x");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Task 'nosuch' not found", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("'x' is not a whole number", result.Stderr, StringComparison.Ordinal);
    }
}
