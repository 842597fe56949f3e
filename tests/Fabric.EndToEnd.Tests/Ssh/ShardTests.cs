using System.Text.Json;
using Fabric.EndToEnd.Tests.Infrastructure;

namespace Fabric.EndToEnd.Tests.Ssh;

/// <summary>
/// <c>--shard K/N</c>, <c>--results-json</c> and <c>--merge-results</c> through the real <c>dotnet fab</c>: three runs,
/// as on three machines, run each of thirty loopback hosts exactly once, and their merged results equal one whole run's.
/// </summary>
[Collection(SshdGroup.Name)] // Many hosts: not alongside the other SSH tests, on two cores.
public sealed class ShardTests
{
    private const int HostCount = 30;
    private const int Shards = 3;

    /// <param name="sshd">The collection's fixture: it creates the test user these runs log in as.</param>
    public ShardTests(SshdFixture sshd) => ArgumentNullException.ThrowIfNull(sshd);

    private static string Fabfile => Repository.Path("tests", "fabfiles", "remote");

    [Fact(Timeout = 300_000)]
    public async Task Three_shards_run_every_host_exactly_once_and_their_merged_results_equal_one_whole_run()
    {
        using var hosts = new LoopbackHosts(HostCount, maxStartups: "100:30:200");
        // 'where' runs on every host (its own host list); 'wait-for' on an existing file has no hosts: it runs once, locally,
        // in shard 1 only.
        string[] tasks = ["-P", $"where:hosts={string.Join(';', hosts.Hosts)}", $"wait-for:path={Path.Combine(Fabfile, "Fabfile.cs")}"];

        var whole = await Fab(hosts, [.. tasks, "--results-json", hosts.Path("whole.json")]);
        var parts = new List<FabResult>();
        for (var k = 1; k <= Shards; k++)
        {
            parts.Add(await Fab(hosts, [.. tasks, "--shard", $"{k}/{Shards}", "--results-json", hosts.Path($"part{k}.json")]));
        }

        Assert.True(whole.ExitCode == 0, whole.ToString());
        Assert.All(parts, p => Assert.True(p.ExitCode == 0, p.ToString()));
        var ran = parts.SelectMany(p => p.StdoutLines.Where(l => l.EndsWith("] Executing task 'where'", StringComparison.Ordinal))).ToList();
        Assert.Equal(hosts.Hosts.Select(h => $"[{h}] Executing task 'where'").Order(), ran.Order());
        foreach (var host in hosts.Hosts)
        {
            Assert.Single(parts.SelectMany(p => p.StdoutLines), $"[{host}] out: {host.Split(':')[0]}");
        }

        Assert.Equal([HostCount / Shards, HostCount / Shards, HostCount / Shards], parts.Select(p => p.StdoutLines.Count(l => l.EndsWith("] Executing task 'where'", StringComparison.Ordinal))));
        Assert.Equal([1, 0, 0], Enumerable.Range(1, Shards).Select(k => Rows(hosts.Path($"part{k}.json")).Count(r => r.Task == "wait-for")));

        var merged = await FabTool.RunAsync(Repository.Root, ["--merge-results", .. Enumerable.Range(1, Shards).Select(k => hosts.Path($"part{k}.json"))], timeout: TimeSpan.FromMinutes(1));

        Assert.True(merged.ExitCode == 0, merged.ToString());
        Assert.Equal($"  {HostCount + 1} ok.", whole.StdoutLines[^1]);
        Assert.Equal(whole.StdoutLines[^1], merged.StdoutLines[^1]);
        Assert.Equal(
            Rows(hosts.Path("whole.json")).Select(r => (r.Task, r.Host, r.Status)).Order(),
            Enumerable.Range(1, Shards).SelectMany(k => Rows(hosts.Path($"part{k}.json"))).Select(r => (r.Task, r.Host, r.Status)).Order());
    }

    [Theory(Timeout = 60_000)]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("a/b")]
    public async Task A_bad_shard_is_a_usage_error_naming_the_option_before_anything_runs(string shard)
    {
        var result = await FabTool.RunAsync(Repository.Root, ["-f", Fabfile, "--shard", shard, "-H", "127.0.0.2:1", "where"], timeout: TimeSpan.FromMinutes(1));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"Error: Invalid --shard '{shard}': expected K/N with 1 <= K <= N, e.g. --shard 2/3 (the second of three slices).", result.StderrLines.Single());
        Assert.Empty(result.Stdout);
    }

    private static List<(string Task, string? Host, string? Status)> Rows(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return [.. json.RootElement.GetProperty("results").EnumerateArray()
            .Select(r => (r.GetProperty("task").GetString()!, r.GetProperty("host").GetString(), r.GetProperty("status").GetString()))];
    }

    /// <summary>Runs as the fixture's test user, whose login profile is Debian's default.</summary>
    private static Task<FabResult> Fab(LoopbackHosts hosts, string[] args) =>
        FabTool.RunAsync(
            Repository.Root,
            ["-f", Fabfile, "-u", SshdFixture.TestUser, "-i", hosts.ClientKey, "--known-hosts", hosts.KnownHostsFile, "--reject-unknown-hosts", .. args],
            timeout: TimeSpan.FromMinutes(2));
}
