using Fabric.EndToEnd.Tests.Hosts;
using Fabric.EndToEnd.Tests.Infrastructure;
using Fabric.EndToEnd.Tests.Ssh;

namespace Fabric.EndToEnd.Tests.Ports;

/// <summary>
/// One of the ports of public Fabric 1.x fabfiles (<c>tests/fabfiles/ports/NAME</c>), run by the real tool against the test
/// sshd as <see cref="SshdFixture.TestUser"/> (the fixture's client key logs any account in; without <paramref name="key"/>,
/// the fabfile's own credentials must), with a known_hosts file of its own and a time limit on every run.
/// </summary>
internal sealed class PortedFabfile(SshdFixture sshd, string name, bool key = true)
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(150);

    private readonly string _knownHosts = sshd.Path($"known_hosts-port-{name}-{Guid.NewGuid():N}");

    /// <summary>The fabfile project, under tests/fabfiles/ports.</summary>
    public string Project { get; } = Repository.Path("tests", "fabfiles", "ports", name) is var path && Directory.Exists(path)
        ? path
        : throw new DirectoryNotFoundException($"No ported fabfile '{name}' under tests/fabfiles/ports.");

    /// <summary>The test user's home folder on the test hosts (one machine: all hosts share it).</summary>
    public static string Home => TestAccounts.Home(SshdFixture.TestUser);

    /// <summary>Test host <paramref name="index"/> as <c>127.0.0.N:port</c>, or <c>user@127.0.0.N:port</c>.</summary>
    public string Host(int index, string? user = null) => (user is null ? "" : user + "@") + $"{SshdFixture.Address(index)}:{sshd.Port}";

    /// <summary>Runs <c>dotnet fab -f PROJECT -i KEY --known-hosts FILE ARGS</c> in <paramref name="workingDirectory"/>, no terminal.</summary>
    public Task<FabResult> RunAsync(string workingDirectory, params string[] args) =>
        FabTool.RunAsync(workingDirectory, [.. Options(), .. args], timeout: Limit);

    /// <summary>Starts the same command line on a real terminal (tmux), to answer its questions.</summary>
    public TmuxTerminal OnTerminal(string workingDirectory, params string[] args) =>
        TmuxTerminal.Start(workingDirectory, FabTool.DotnetHost, [FabTool.ToolPath, .. Options(), .. args]);

    /// <summary>Runs <paramref name="script"/> with <c>sh -c</c> as the test user (setting a scene on the host), and returns its output.</summary>
    public static string AsTestUser(string script) =>
        SshdFixture.Exec("su", "-s", "/bin/sh", "-c", script, SshdFixture.TestUser);

    /// <summary>Runs <paramref name="script"/> with <c>sh -c</c> as root (looking at, or cleaning up, what a run left).</summary>
    public static string AsRoot(string script) => SshdFixture.Exec("sh", "-c", script);

    private string[] Options() => key ? ["-f", Project, "-i", sshd.ClientKey, "--known-hosts", _knownHosts] : ["-f", Project, "--known-hosts", _knownHosts];
}
