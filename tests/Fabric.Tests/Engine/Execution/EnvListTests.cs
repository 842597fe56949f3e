using Fabric.Engine.Execution;
using Fabric.Engine.Output;
using static Fabric.Api;

namespace Fabric.Tests.Engine.Execution;

/// <summary>The ways fabfiles write <c>Env</c>'s lists keep compiling and meaning what they did with <c>List&lt;string&gt;</c>.</summary>
public sealed class EnvListTests
{
    [Fact]
    public void Assignment_from_a_list_expression_a_list_or_an_array_replaces_the_items()
    {
        using var run = Ambient.Enter(new RunContext(new CollectingOutputSink()));

        Env.Hosts = ["web1", "web2"];
        Assert.Equal(["web1", "web2"], Env.Hosts);

        Env.Hosts = new List<string> { "db1" };
        Assert.Equal(["db1"], Env.Hosts);

        Env.ExcludeHosts = new[] { "web9" };
        Env.Roles = null!;
        Assert.Equal(["web9"], Env.ExcludeHosts);
        Assert.Empty(Env.Roles);
    }

    [Fact]
    public void Assigning_copies_so_a_later_change_to_the_source_does_not_reach_Env()
    {
        using var run = Ambient.Enter(new RunContext(new CollectingOutputSink()));
        var mine = new List<string> { "web1" };

        Env.Hosts = mine;
        mine.Add("web2");
        Env.ExcludeHosts = Env.Hosts;
        Env.Hosts.Add("web3");

        Assert.Equal(["web1", "web3"], Env.Hosts);
        Assert.Equal(["web1"], Env.ExcludeHosts);
    }

    [Fact]
    public void List_methods_work_as_on_a_list()
    {
        EnvList hosts = ["a", "b"];

        hosts.Add("c");
        hosts.AddRange(["d", "e"]);
        hosts.Insert(0, "z");
        hosts[1] = "A";
        Assert.True(hosts.Remove("b"));
        Assert.False(hosts.Remove("nope"));
        hosts.RemoveAt(hosts.IndexOf("c"));
        Assert.Equal(1, hosts.RemoveAll(h => h == "e"));

        Assert.Equal(["z", "A", "d"], hosts);
        Assert.Equal(3, hosts.Count);
        Assert.True(hosts.Contains("d"));
        Assert.Equal("d", hosts[2]);
        hosts.Clear();
        Assert.Empty(hosts);
    }

    [Fact]
    public void Adding_while_enumerating_goes_on_over_the_items_as_they_were()
    {
        EnvList secrets = ["one", "two"];
        var seen = new List<string>();

        foreach (var secret in secrets)
        {
            seen.Add(secret);
            secrets.Add(secret + "-more");
        }

        Assert.Equal(["one", "two"], seen);
        Assert.Equal(["one", "two", "one-more", "two-more"], secrets);
    }
}
