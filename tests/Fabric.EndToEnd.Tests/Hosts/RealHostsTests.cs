using Fabric.EndToEnd.Tests.Infrastructure;

namespace Fabric.EndToEnd.Tests.Hosts;

/// <summary>
/// The real <c>dotnet fab</c> on the servers and accounts users really have (<see cref="HostMatrix"/>): each case
/// works, or fails with one line naming the host and the cause, and never hangs.
/// </summary>
[Collection(RealHostsGroup.Name)]
public sealed class RealHostsTests(RealHosts hosts)
{
    /// <summary>
    /// A case that has not ended by then hangs: the slowest that ended took 7 s, with the whole suite and others' running
    /// on 2 cores (load average about 20); 1–2 s on a quiet machine.
    /// </summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static TheoryData<string, Operation> Cases => HostMatrix.Rows();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Works_or_fails_with_one_line_naming_the_host_and_the_cause(string target, Operation operation)
    {
        var row = HostMatrix.Find(target, operation);
        var host = row.Target.Host(hosts);
        string[] args =
        [
            "-f", RealHosts.Fabfile, "-a", "-i", host.ClientKey, "--known-hosts", host.KnownHostsFile,
            .. host.Password is null ? [] : new[] { "-p", host.Password },
            .. row.Target.Options, "-H", host.HostString, .. Operations.Arguments(operation),
        ];

        var logStart = row.Target.Log(hosts).Split('\n').Length;
        FabResult result;
        try
        {
            result = await FabTool.RunAsync(Repository.Root, args, timeout: Timeout);
        }
        catch (TimeoutException e)
        {
            var message = host.Password is null ? e.Message : e.Message.Replace(host.Password, "<password>", StringComparison.Ordinal);
            Assert.Fail($"{target}, {operation}: expected it {row.Expected.Describe(host, operation)}; it had not ended after {Timeout.TotalSeconds:0} s (a hang).\n{message}\n{ServerLog(row, logStart)}");
            return;
        }

        var problems = row.Expected.Differences(host, operation, result);
        if (problems.Count > 0)
        {
            Assert.Fail($"{target}, {operation}: expected it {row.Expected.Describe(host, operation)}; instead: {string.Join("; ", problems)}.\n{result}\n{ServerLog(row, logStart)}");
        }
    }

    /// <summary>What the server logged during the case (from the last line before it), to tell a product failure from a server that was not right.</summary>
    private string ServerLog(HostCase row, int start)
    {
        var lines = row.Target.Log(hosts).Split('\n');
        return "--- server log during the case\n" + string.Join('\n', lines[Math.Clamp(start - 1, 0, lines.Length)..]);
    }
}
