using Fabric.EndToEnd.Tests.Infrastructure;

namespace Fabric.EndToEnd.Tests.Hosts;

/// <summary>
/// Every server of the real-host tests, started once for their collection, and the <c>tests/fabfiles/hosts</c>
/// fabfile built once (by a first <c>dotnet fab --list</c>) before any test runs it. A server that does not start
/// fails only the tests that use it, with the reason.
/// </summary>
public sealed class RealHosts : IAsyncLifetime, IDisposable
{
    private readonly Server<DropbearHost> _dropbear = new("Dropbear", () => new DropbearHost());
    private readonly Server<TinysshHost> _tinysshd = new("tinysshd", () => new TinysshHost());
    private readonly Server<SessionLimitSshd> _sessions = new("MaxSessions sshd", () => new SessionLimitSshd());
    private readonly Server<AccountsSshd> _accounts = new("accounts sshd", () => new AccountsSshd());
    private readonly Server<NoBashSshd> _noBash = new("no-bash sshd", () => new NoBashSshd());
    private readonly Server<DropbearHost> _dropbearNoSftp = new("Dropbear without SFTP", DropbearHost.WithoutSftpServer);
    private readonly Server<BusyBoxSshd> _busyBox = new("BusyBox sshd", () => new BusyBoxSshd());

    public static string Fabfile => Repository.Path("tests", "fabfiles", "hosts");

    public DropbearHost Dropbear => _dropbear.Value;

    public TinysshHost Tinysshd => _tinysshd.Value;

    public SessionLimitSshd Sessions => _sessions.Value;

    public AccountsSshd Accounts => _accounts.Value;

    public NoBashSshd NoBash => _noBash.Value;

    /// <summary>Dropbear on 127.0.0.236, with no SFTP server to run.</summary>
    public DropbearHost DropbearNoSftp => _dropbearNoSftp.Value;

    public BusyBoxSshd BusyBox => _busyBox.Value;

    public async Task InitializeAsync()
    {
        // One after the other: useradd and chpasswd lock /etc/passwd and fail rather than wait.
        _dropbear.Start();
        _tinysshd.Start();
        _sessions.Start();
        _accounts.Start();
        _noBash.Start();
        _dropbearNoSftp.Start();
        _busyBox.Start();
        var build = await FabTool.RunAsync(Repository.Root, ["-f", Fabfile, "--list"], timeout: TimeSpan.FromMinutes(3));
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException("The hosts fabfile did not build:\n" + build);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _dropbear.Dispose();
        _tinysshd.Dispose();
        _sessions.Dispose();
        _accounts.Dispose();
        _noBash.Dispose();
        _dropbearNoSftp.Dispose();
        _busyBox.Dispose();
    }

    /// <summary>A server started on demand of the collection, or why it could not be.</summary>
    private sealed class Server<T>(string name, Func<T> start) : IDisposable
        where T : class, IDisposable
    {
        private T? _value;
        private Exception? _failure;

        public T Value => _value ?? throw new InvalidOperationException($"The {name} test server did not start: {_failure?.Message}", _failure);

        public void Start()
        {
            try
            {
                _value = start();
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
            {
                _failure = e;
            }
        }

        public void Dispose() => _value?.Dispose();
    }
}

/// <summary>The real-host tests share one set of servers and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class RealHostsGroup : ICollectionFixture<RealHosts>
{
    public const string Name = "real hosts";
}
