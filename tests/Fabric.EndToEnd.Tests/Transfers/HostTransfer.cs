using System.Security.Cryptography;
using Fabric.EndToEnd.Tests.Hosts;
using Fabric.EndToEnd.Tests.Ssh;
using Fabric.Engine.Execution;
using Fabric.Engine.Hosts;
using Fabric.Engine.Ssh;

namespace Fabric.EndToEnd.Tests.Transfers;

/// <summary>
/// An in-process run on one real host (the library's <c>Put</c>/<c>Get</c> as a fabfile calls them), with a folder of the
/// test's own on the server (the server is this machine: the test looks at it directly) and one locally.
/// </summary>
internal sealed class HostTransfer : IAsyncDisposable
{
    /// <summary>Every operation of these tests ends well within this, or it hangs.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly SshSession _session;
    private readonly IDisposable _frame;

    private readonly HashSet<string> _before;

    public HostTransfer(string user, string address, int port, string clientKey, string knownHosts, string? password, string? home = null)
    {
        Home = home;
        _before = [.. Candidates()];
        Local = Directory.CreateTempSubdirectory("fabric-xfer-local-").FullName;
        Remote = $"/tmp/fabric-xfer-{Guid.NewGuid():N}";
        Directory.CreateDirectory(Remote);
        SshdFixture.Exec("chown", user, Remote);
        var options = new SshOptions
        {
            KeyFiles = [clientKey],
            UseDefaultKeyFiles = false,
            UseAgent = false,
            HomeDirectory = Local,
            KnownHostsFile = knownHosts,
            ConnectTimeout = TimeSpan.FromSeconds(15),
        };
        _session = new SshSession(options, password is null ? null : new ScriptedPrompt(password, password, password));
        _frame = SshSession.On(new ExecutionFrame("t", new HostString($"{user}@{address}:{port}", user, address, port), user, port));
        HostString = $"{user}@{address}:{port}";
    }

    public HostTransfer(RealHost host)
        : this(host.User, host.Address, host.Port, host.ClientKey, host.KnownHostsFile, host.Password, TestAccounts.Home(host.User))
    {
    }

    public string Local { get; }

    public string Remote { get; }

    public string HostString { get; }

    public SshSession Session => _session;

    public string LocalFile(string name, string content)
    {
        var path = Path.Combine(Local, name);
        File.WriteAllText(path, content);
        return path;
    }

    public static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>The login user's home on the server (null: not looked at).</summary>
    public string? Home { get; }

    /// <summary>
    /// What a transfer left in the remote folder, <c>/tmp</c> or the user's home since the test began: a temporary or
    /// staged copy (<c>.fabric-</c> in its name, or a <c>fabric-put-</c> folder).
    /// </summary>
    public string[] Leftovers() => [.. Candidates().Where(p => !_before.Contains(p))];

    private IEnumerable<string> Candidates() =>
        new[] { Remote, "/tmp", Home }.Where(d => d is not null && Directory.Exists(d))
            .SelectMany(d => Directory.EnumerateFileSystemEntries(d!))
            .Where(p => Path.GetFileName(p).Contains(".fabric-", StringComparison.Ordinal) || Path.GetFileName(p).StartsWith("fabric-put-", StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        await _session.DisposeAsync();
        _frame.Dispose();
        Directory.Delete(Local, recursive: true);
        SshdFixture.Exec("rm", "-rf", Remote); // .NET cannot name a file whose name is not UTF-8.
    }
}
