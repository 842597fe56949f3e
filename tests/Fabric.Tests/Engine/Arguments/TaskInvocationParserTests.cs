using Fabric.Engine;
using Fabric.Engine.Arguments;

namespace Fabric.Tests.Engine.Arguments;

public class TaskInvocationParserTests
{
    [Fact]
    public void A_bare_name_has_no_arguments()
    {
        var invocation = TaskInvocationParser.Parse("deploy");

        Assert.Equal("deploy", invocation.Token);
        Assert.Equal("deploy", invocation.Name);
        Assert.Empty(invocation.Positional);
        Assert.Empty(invocation.Named);
    }

    [Fact]
    public void A_name_with_a_colon_and_nothing_after_has_no_arguments()
    {
        var invocation = TaskInvocationParser.Parse("deploy:");

        Assert.Equal("deploy", invocation.Name);
        Assert.Empty(invocation.Positional);
        Assert.Empty(invocation.Named);
    }

    [Fact]
    public void Positional_and_named_arguments_are_split_at_commas_in_order()
    {
        var invocation = TaskInvocationParser.Parse("deploy:main,restart=false,extra,level=3");

        Assert.Equal("deploy", invocation.Name);
        Assert.Equal(["main", "extra"], invocation.Positional);
        Assert.Equal([Pair("restart", "false"), Pair("level", "3")], invocation.Named);
    }

    [Fact]
    public void Only_the_first_equals_sign_separates_name_and_value()
    {
        var invocation = TaskInvocationParser.Parse("task:k=v=w");

        Assert.Equal([Pair("k", "v=w")], invocation.Named);
    }

    [Fact]
    public void Only_the_first_colon_separates_the_name_from_the_arguments()
    {
        var invocation = TaskInvocationParser.Parse("fetch:url=http://example.localhost:8080/x");

        Assert.Equal("fetch", invocation.Name);
        Assert.Equal([Pair("url", "http://example.localhost:8080/x")], invocation.Named);
    }

    [Fact]
    public void Escaped_comma_is_part_of_the_value()
    {
        var invocation = TaskInvocationParser.Parse(@"greet:Hello\, world,name=a\,b");

        Assert.Equal(["Hello, world"], invocation.Positional);
        Assert.Equal([Pair("name", "a,b")], invocation.Named);
    }

    [Fact]
    public void Escaped_equals_sign_keeps_a_piece_positional()
    {
        var invocation = TaskInvocationParser.Parse(@"calc:1+1\=2");

        Assert.Equal(["1+1=2"], invocation.Positional);
        Assert.Empty(invocation.Named);
    }

    [Fact]
    public void Escaped_equals_sign_in_a_name_is_part_of_the_name()
    {
        var invocation = TaskInvocationParser.Parse(@"calc:a\=b=c");

        Assert.Equal([Pair("a=b", "c")], invocation.Named);
    }

    [Fact]
    public void Escaped_colon_is_part_of_the_task_name()
    {
        var invocation = TaskInvocationParser.Parse(@"odd\:name:x");

        Assert.Equal("odd:name", invocation.Name);
        Assert.Equal(["x"], invocation.Positional);
    }

    [Fact]
    public void Escaped_backslash_is_one_backslash()
    {
        var invocation = TaskInvocationParser.Parse(@"copy:C:\\temp\\,dest=D:\\");

        Assert.Equal([@"C:\temp\"], invocation.Positional);
        Assert.Equal([Pair("dest", @"D:\")], invocation.Named);
    }

    [Fact]
    public void Backslash_before_an_ordinary_character_stays_as_written()
    {
        var invocation = TaskInvocationParser.Parse(@"copy:C:\temp\x");

        Assert.Equal([@"C:\temp\x"], invocation.Positional);
    }

    [Fact]
    public void Dangling_backslash_is_an_error_naming_the_token()
    {
        var error = Assert.Throws<FabricUsageException>(() => TaskInvocationParser.Parse(@"copy:C:\temp\"));

        Assert.Equal(@"Invalid task argument 'copy:C:\temp\': it ends with a lone '\' (write '\\' for a backslash).", error.Message);
    }

    [Fact]
    public void Argument_with_an_empty_name_is_an_error_naming_the_token()
    {
        var error = Assert.Throws<FabricUsageException>(() => TaskInvocationParser.Parse("deploy:a,=v"));

        Assert.Equal("Invalid task argument 'deploy:a,=v': an argument has '=' but no name before it.", error.Message);
    }

    [Theory]
    [InlineData(":a")]
    [InlineData("")]
    [InlineData(":")]
    public void Missing_task_name_is_an_error_naming_the_token(string token)
    {
        var error = Assert.Throws<FabricUsageException>(() => TaskInvocationParser.Parse(token));

        Assert.Equal($"Invalid task argument '{token}': the task name is missing.", error.Message);
    }

    [Fact]
    public void Empty_pieces_between_commas_are_empty_positional_values()
    {
        var invocation = TaskInvocationParser.Parse("task:a,,b,");

        Assert.Equal(["a", "", "b", ""], invocation.Positional);
    }

    [Fact]
    public void Named_argument_with_nothing_after_equals_has_an_empty_value()
    {
        var invocation = TaskInvocationParser.Parse("task:name=");

        Assert.Equal([Pair("name", "")], invocation.Named);
    }

    private static KeyValuePair<string, string> Pair(string key, string value) => new(key, value);
}
