namespace Fabric.EndToEnd.Tests.Hosts;

/// <summary>
/// OpenSSH on 127.0.0.234 with the accounts users meet on real hosts: <c>fabtty</c>, whose sudo needs a terminal (a
/// <c>Defaults:fabtty requiretty</c> sudoers drop-in, as older RHEL/CentOS ship); <c>fabnoisy</c>, whose
/// <c>~/.bashrc</c> prints a line on stdout and one on stderr every time bash starts; <c>fabnologin</c> and
/// <c>fabfalse</c>, whose login shells are <c>/usr/sbin/nologin</c> and <c>/bin/false</c>. The first two have a
/// password and sudo with it; the last two have neither.
/// </summary>
public sealed class AccountsSshd : IDisposable
{
    public const string TtyUser = "fabtty";
    public const string NoisyUser = "fabnoisy";
    public const string NologinUser = "fabnologin";
    public const string FalseUser = "fabfalse";
    public const string Address = "127.0.0.234";

    /// <summary>The noisy <c>~/.bashrc</c>: no check for an interactive shell, so every bash prints it.</summary>
    public const string NoisyBashrc = "echo 'noisy bashrc: hello'\necho 'noisy bashrc: careful' >&2\n";

    private readonly FixtureFolder _folder = new("accounts");
    private readonly PrivateSshd _sshd;

    public AccountsSshd()
    {
        TestAccounts.Ensure(TtyUser, "/bin/bash", withPassword: true);
        TestAccounts.Ensure(NoisyUser, "/bin/bash", withPassword: true);
        TestAccounts.Ensure(NologinUser, "/usr/sbin/nologin", withPassword: false);
        TestAccounts.Ensure(FalseUser, "/bin/false", withPassword: false);
        TestAccounts.EnsureHomeFile(NoisyUser, ".bashrc", NoisyBashrc);
        TestAccounts.EnsureSudoers("fabric-tests-accounts", $"Defaults:{TtyUser} requiretty\n{TtyUser},{NoisyUser} ALL=(ALL:ALL) ALL");
        _sshd = new PrivateSshd(_folder, [Address]);
    }

    public RealHost RequireTty => _sshd.Host(TtyUser, Address, TestAccounts.Password);

    public RealHost Noisy => _sshd.Host(NoisyUser, Address, TestAccounts.Password);

    public RealHost Nologin => _sshd.Host(NologinUser, Address, null);

    public RealHost False => _sshd.Host(FalseUser, Address, null);

    public string Log() => _sshd.Log();

    public void Dispose()
    {
        _sshd.Dispose();
        _folder.Dispose();
    }
}
