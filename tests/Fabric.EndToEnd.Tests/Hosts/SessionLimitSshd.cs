namespace Fabric.EndToEnd.Tests.Hosts;

/// <summary>
/// OpenSSH with a session limit per connection: <c>MaxSessions 1</c> on 127.0.0.232 (one channel at a time, as some
/// hardened images set it) and <c>MaxSessions 0</c> on 127.0.0.233 (logins work, every session is refused), one
/// <c>sshd</c> with a <c>Match LocalAddress</c> block for each. The account <c>fabonesession</c> (bash, a password,
/// sudo with it).
/// </summary>
public sealed class SessionLimitSshd : IDisposable
{
    public const string User = "fabonesession";
    public const string OneSessionAddress = "127.0.0.232";
    public const string NoSessionAddress = "127.0.0.233";
    private readonly FixtureFolder _folder = new("sessions");
    private readonly PrivateSshd _sshd;

    public SessionLimitSshd()
    {
        TestAccounts.Ensure(User, "/bin/bash", withPassword: true);
        TestAccounts.EnsureSudoers("fabric-tests-sessions", $"{User} ALL=(ALL:ALL) ALL");
        _sshd = new PrivateSshd(_folder, [OneSessionAddress, NoSessionAddress], $"""
            Match LocalAddress {OneSessionAddress}
                MaxSessions 1
            Match LocalAddress {NoSessionAddress}
                MaxSessions 0
            """);
    }

    /// <summary>The <c>MaxSessions 1</c> host.</summary>
    public RealHost OneSession => _sshd.Host(User, OneSessionAddress, TestAccounts.Password);

    /// <summary>The <c>MaxSessions 0</c> host.</summary>
    public RealHost NoSession => _sshd.Host(User, NoSessionAddress, TestAccounts.Password);

    public string Log() => _sshd.Log();

    public void Dispose()
    {
        _sshd.Dispose();
        _folder.Dispose();
    }
}
