using Fabric.Engine;
using Fabric.Engine.Arguments;

namespace Fabric.Tests.Engine.Arguments;

public class TaskHostArgumentsTests
{
    [Fact]
    public void Host_and_hosts_accumulate_in_order()
    {
        var arguments = TaskHostArguments.Extract([Pair("host", "a"), Pair("hosts", "b;c"), Pair("host", "d")]);

        Assert.Equal(["a", "b", "c", "d"], arguments.Selection.Hosts);
        Assert.Empty(arguments.Selection.Roles);
    }

    [Fact]
    public void Role_and_roles_accumulate_in_order()
    {
        var arguments = TaskHostArguments.Extract([Pair("roles", "web;db"), Pair("role", "cache")]);

        Assert.Equal(["web", "db", "cache"], arguments.Selection.Roles);
        Assert.Empty(arguments.Selection.Hosts);
    }

    [Theory]
    [InlineData("exclude_hosts")]
    [InlineData("exclude-hosts")]
    [InlineData("Exclude_Hosts")]
    [InlineData("excludehosts")]
    public void Exclude_hosts_is_taken_in_either_spelling(string key)
    {
        var arguments = TaskHostArguments.Extract([Pair(key, "a;b")]);

        Assert.Equal(["a", "b"], arguments.Excludes);
        Assert.True(arguments.Selection.IsEmpty);
        Assert.Empty(arguments.Remaining);
    }

    [Fact]
    public void Host_argument_names_are_case_insensitive()
    {
        var arguments = TaskHostArguments.Extract([Pair("HOSTS", "a"), Pair("Role", "web")]);

        Assert.Equal(["a"], arguments.Selection.Hosts);
        Assert.Equal(["web"], arguments.Selection.Roles);
    }

    [Fact]
    public void Other_named_arguments_remain_in_order()
    {
        var arguments = TaskHostArguments.Extract([Pair("branch", "main"), Pair("hosts", "a"), Pair("restart", "no"), Pair("hostname", "x")]);

        Assert.Equal([Pair("branch", "main"), Pair("restart", "no"), Pair("hostname", "x")], arguments.Remaining);
        Assert.Equal(["a"], arguments.Selection.Hosts);
    }

    [Fact]
    public void Items_are_trimmed()
    {
        var arguments = TaskHostArguments.Extract([Pair("hosts", " a ; b")]);

        Assert.Equal(["a", "b"], arguments.Selection.Hosts);
    }

    [Theory]
    [InlineData("hosts", "a;;b", "host")]
    [InlineData("hosts", "", "host")]
    [InlineData("host", "a;", "host")]
    [InlineData("roles", "web; ;db", "role")]
    [InlineData("exclude_hosts", ";a", "host")]
    public void Empty_item_is_an_error(string key, string value, string what)
    {
        var error = Assert.Throws<FabricUsageException>(() => TaskHostArguments.Extract([Pair(key, value)]));

        Assert.Equal(
            $"Invalid task argument '{key}={value}': it has an empty {what} (separate {what}s with ';', as in {key}=a;b).",
            error.Message);
    }

    [Fact]
    public void Invalid_host_string_is_an_error()
    {
        var error = Assert.Throws<FabricUsageException>(() => TaskHostArguments.Extract([Pair("hosts", "a;b:99999")]));

        Assert.Equal("Invalid host string 'b:99999' in the task's hosts argument: the port must be a number from 1 to 65535.", error.Message);
    }

    [Fact]
    public void Nothing_named_gives_an_empty_selection()
    {
        var arguments = TaskHostArguments.Extract([]);

        Assert.True(arguments.Selection.IsEmpty);
        Assert.Empty(arguments.Excludes);
        Assert.Empty(arguments.Remaining);
    }

    private static KeyValuePair<string, string> Pair(string key, string value) => new(key, value);
}
