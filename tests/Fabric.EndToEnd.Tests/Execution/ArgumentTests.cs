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

    [Theory]
    [InlineData("unknown task", "mytask nosuchtask", "Task 'nosuchtask' not found")]
    [InlineData("misspelt task", "mytsak", "Did you mean: mytask?")]
    [InlineData("unknown parameter", "mytask args:name=a,colour=red", "unknown parameter 'colour' (did you mean 'color'?")]
    [InlineData("missing required", "mytask args", "missing required parameter 'name'")]
    [InlineData("bad integer", "mytask args:a,count=many", "parameter 'count': 'many' is not a whole number")]
    [InlineData("bad bool", "mytask args:a,loud=perhaps", "parameter 'loud'")]
    [InlineData("bad enum", "mytask args:a,color=purple", "parameter 'color'")]
    [InlineData("bad timespan", "mytask args:a,wait=soon", "parameter 'wait'")]
    [InlineData("too many positional", "mytask args:a,1,true,0.5,Red,1s,x,extra", "too many")]
    [InlineData("dangling escape", @"mytask args:a\", "args:a\\")]
    [InlineData("empty host", "mytask:hosts=a;;b", "'hosts=a;;b': it has an empty host")]
    [InlineData("bad host string", "mytask:host=web1:99999", "Invalid host string 'web1:99999'")]
    [InlineData("bad -H host", "-H u@ mytask", "Invalid host string 'u@'")]
    [InlineData("unknown option", "--nosuch mytask", "Unknown option '--nosuch'")]
    [InlineData("unknown output group", "--hide stdot mytask", "Unknown output group 'stdot'")]
    public async Task Bad_input_is_one_clear_message_exit_2_and_nothing_runs(string what, string line, string expected)
    {
        var result = await fabfile.RunAsync(["--set", "setup=assign", .. line.Split(' ')]);

        Assert.True(result.ExitCode == 2, $"{what}: {result}");
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(" ran on ", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Executing", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
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
