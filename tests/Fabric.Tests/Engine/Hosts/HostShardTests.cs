using Fabric.Tool.CommandLine;
using Fabric.Engine;
using Fabric.Engine.Hosts;

namespace Fabric.Tests.Engine.Hosts;

public class HostShardTests
{
    private static List<HostString> Hosts(int count) =>
        [.. Enumerable.Range(1, count).Select(i => HostString.Parse($"web{i:000}.example.com"))];

    private static List<List<string>> Slices(IReadOnlyList<HostString> hosts, int count) =>
        [.. Enumerable.Range(1, count).Select(k => new HostShard(k, count).Select(hosts).Select(h => h.Original).ToList())];

    [Theory]
    [InlineData(30, 3)]
    [InlineData(7, 2)]
    [InlineData(100, 7)]
    [InlineData(5, 5)]
    public void The_shards_together_hold_every_host_exactly_once(int hosts, int shards)
    {
        var list = Hosts(hosts);

        var all = Slices(list, shards).SelectMany(s => s).ToList();

        Assert.Equal(list.Select(h => h.Original).Order(StringComparer.Ordinal), all.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(30, 3)]
    [InlineData(31, 3)]
    [InlineData(100, 7)]
    [InlineData(2, 5)]
    public void Shard_sizes_differ_by_at_most_one_host(int hosts, int shards)
    {
        var sizes = Slices(Hosts(hosts), shards).Select(s => s.Count).ToList();

        Assert.True(sizes.Max() - sizes.Min() <= 1, string.Join(",", sizes));
    }

    [Fact]
    public void The_split_depends_on_which_hosts_the_list_holds_not_on_their_order()
    {
        var list = Hosts(20);
        var shuffled = list.OrderBy(h => h.Original.GetHashCode(StringComparison.Ordinal)).ToList();

        var first = Slices(list, 3).Select(s => s.Order(StringComparer.Ordinal).ToList()).ToList();
        var second = Slices(shuffled, 3).Select(s => s.Order(StringComparer.Ordinal).ToList()).ToList();

        Assert.Equal(first, second);
    }

    [Fact]
    public void The_same_list_gives_the_same_split_every_time()
    {
        Assert.Equal(Slices(Hosts(17), 4), Slices(Hosts(17), 4));
    }

    [Fact]
    public void A_slice_keeps_the_order_of_the_host_list()
    {
        var list = new[] { "c", "a", "d", "b", "e" }.Select(HostString.Parse).ToList();

        // Sorted: a b c d e → ranks a0 b1 c2 d3 e4; shard 1 of 2 takes ranks 0, 2, 4 = a, c, e, in list order c, a, e.
        Assert.Equal(["c", "a", "e"], new HostShard(1, 2).Select(list).Select(h => h.Original));
        Assert.Equal(["d", "b"], new HostShard(2, 2).Select(list).Select(h => h.Original));
    }

    [Fact]
    public void One_shard_is_the_whole_list()
    {
        var list = Hosts(4);

        Assert.Same(list, HostShard.All.Select(list));
    }

    [Fact]
    public void With_more_shards_than_hosts_the_last_shards_get_none()
    {
        var slices = Slices(Hosts(2), 4);

        Assert.Equal([1, 1, 0, 0], slices.Select(s => s.Count));
    }

    [Fact]
    public void Only_the_first_shard_runs_tasks_that_are_not_split()
    {
        Assert.True(new HostShard(1, 3).RunsWholeTasks);
        Assert.False(new HostShard(2, 3).RunsWholeTasks);
    }

    [Theory]
    [InlineData("1/1", 1, 1)]
    [InlineData("2/3", 2, 3)]
    [InlineData("3/3", 3, 3)]
    public void K_of_n_parses(string text, int index, int count)
    {
        Assert.Equal(new HostShard(index, count), ShardOption.Parse(text));
    }

    [Theory]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("a/b")]
    [InlineData("1")]
    [InlineData("1/2/3")]
    [InlineData("-1/3")]
    [InlineData(" 1/3")]
    [InlineData("")]
    public void Anything_but_k_of_n_with_k_from_1_to_n_is_a_usage_error_naming_the_option(string text)
    {
        var e = Assert.Throws<FabricUsageException>(() => ShardOption.Parse(text));

        Assert.Contains("--shard", e.Message, StringComparison.Ordinal);
    }
}
