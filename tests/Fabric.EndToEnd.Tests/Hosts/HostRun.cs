using Fabric.EndToEnd.Tests.Infrastructure;

namespace Fabric.EndToEnd.Tests.Hosts;

/// <summary>
/// One run of the real <c>dotnet fab</c> on the <c>tests/fabfiles/hosts</c> fabfile against one real host (its key,
/// known_hosts and password), with a time limit: a run that has not ended by then fails the test as a hang, with what
/// it printed and what the server logged meanwhile.
/// </summary>
internal sealed class HostRun
{
    private readonly RealHost _host;
    private readonly Func<string> _log;
    private readonly int _logStart;

    public HostRun(RealHost host, Func<string> serverLog)
    {
        _host = host;
        _log = serverLog;
        _logStart = serverLog().Split('\n').Length;
    }

    /// <summary>The tool's arguments for <paramref name="tasks"/> on the host.</summary>
    public static string[] Arguments(RealHost host, params string[] tasks) =>
    [
        "-f", RealHosts.Fabfile, "-a", "-i", host.ClientKey, "--known-hosts", host.KnownHostsFile,
        .. host.Password is null ? [] : new[] { "-p", host.Password }, "-H", host.HostString, .. tasks,
    ];

    /// <summary>Runs <paramref name="tasks"/>; fails the test (<paramref name="what"/>, and why) if it has not ended after <paramref name="timeout"/>.</summary>
    public async Task<FabResult> RunAsync(string what, TimeSpan timeout, params string[] tasks)
    {
        try
        {
            return await FabTool.RunAsync(Repository.Root, Arguments(_host, tasks), timeout: timeout);
        }
        catch (TimeoutException e)
        {
            Assert.Fail(ToolOutput.Mask($"{what}: had not ended after {timeout.TotalSeconds:0} s (a hang).\n{e.Message}\n--- server log during the case\n{ServerLog()}", _host));
            throw;
        }
    }

    /// <summary>What the server logged since this run was made (from the last line before it).</summary>
    public string ServerLog()
    {
        var lines = _log().Split('\n');
        return string.Join('\n', lines[Math.Clamp(_logStart - 1, 0, lines.Length)..]);
    }
}
