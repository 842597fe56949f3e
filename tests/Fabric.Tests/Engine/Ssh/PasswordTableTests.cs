using Fabric.Engine.Ssh;

namespace Fabric.Tests.Engine.Ssh;

/// <summary><c>Env.Passwords</c>: keys are host strings; the most specific one that covers a login wins.</summary>
public sealed class PasswordTableTests
{
    private readonly List<string> _remembered = [];

    private PasswordTable Table() => new(_remembered.Add);

    [Fact]
    public void A_full_key_covers_exactly_that_user_host_and_port()
    {
        var table = Table();
        table["deploy@db1:22"] = "a";

        Assert.Equal("a", table.Find("deploy", "db1", 22));
        Assert.Null(table.Find("root", "db1", 22));
        Assert.Null(table.Find("deploy", "db1", 2222));
        Assert.Null(table.Find("deploy", "db2", 22));
    }

    [Fact]
    public void The_most_specific_covering_key_wins()
    {
        var table = Table();
        table["db1"] = "host";
        table["db1:2222"] = "port";
        table["deploy@db1"] = "user";
        table["deploy@db1:2222"] = "all";

        Assert.Equal("all", table.Find("deploy", "db1", 2222));
        Assert.Equal("user", table.Find("deploy", "db1", 22));
        Assert.Equal("port", table.Find("root", "db1", 2222));
        Assert.Equal("host", table.Find("root", "db1", 22));
    }

    [Fact]
    public void Host_names_match_without_regard_to_case_and_IPv6_keys_take_brackets()
    {
        var table = Table();
        table["DB1"] = "x";
        table["deploy@[::1]:2222"] = "y";

        Assert.Equal("x", table.Find("u", "db1", 22));
        Assert.Equal("y", table.Find("deploy", "::1", 2222));
    }

    [Theory]
    [InlineData("deploy@")]
    [InlineData("db1:abc")]
    [InlineData("")]
    public void A_key_that_is_no_host_string_is_refused_naming_it(string key)
    {
        var table = Table();

        var e = Assert.Throws<ArgumentException>(() => table[key] = "pw");

        Assert.StartsWith($"Invalid host string '{key}' in the keys of Env.Passwords (user@host:port): ", e.Message, StringComparison.Ordinal);
        Assert.Empty(table);
    }

    [Fact]
    public void Every_password_set_is_remembered_as_a_secret()
    {
        var table = Table();
        table["db1"] = "one";
        table.Add("db2", "two");

        Assert.Equal(["one", "two"], _remembered);
        Assert.Equal(2, table.Count);
        Assert.True(table.TryGetValue("db2", out var two) && two == "two");
    }

    [Fact]
    public void Adding_a_key_twice_is_refused_and_removing_it_stops_it_covering()
    {
        var table = Table();
        table.Add("db1", "a");

        Assert.Throws<ArgumentException>(() => table.Add("db1", "b"));
        Assert.True(table.Remove("db1"));
        Assert.Null(table.Find("u", "db1", 22));
    }
}
