namespace Fabric.EndToEnd.Tests.Hosts;

/// <summary>
/// OpenSSH on 127.0.0.234 with the accounts users meet on real hosts: <c>fabtty</c>, whose sudo needs a terminal (a
/// <c>Defaults:fabtty requiretty</c> sudoers drop-in, as older RHEL/CentOS ship); <c>fabnoisy</c>, whose
/// <c>~/.bashrc</c> and <c>~/.bash_profile</c> print a line on stdout and one on stderr every time bash starts;
/// <c>fabnologin</c> and <c>fabfalse</c>, whose login shells are <c>/usr/sbin/nologin</c> and <c>/bin/false</c>;
/// <c>fabsftp</c>, an SFTP-only account (<c>Match User</c> with <c>ForceCommand internal-sftp</c>, login shell
/// <c>nologin</c>, as hosting and backup servers set them up). The first two have a password and sudo with it; the
/// others have neither. The <c>sftp</c> subsystem is Debian's default line, the external <c>sftp-server</c> run by the
/// account's login shell (so a shell that prints, or refuses, is in its way as it is on a Debian host).
/// </summary>
public sealed class AccountsSshd : IDisposable
{
    public const string TtyUser = "fabtty";
    public const string NoisyUser = "fabnoisy";
    public const string NologinUser = "fabnologin";
    public const string FalseUser = "fabfalse";
    public const string SftpOnlyUser = "fabsftp";
    public const string Address = "127.0.0.234";

    /// <summary>The noisy <c>~/.bashrc</c>: no check for an interactive shell, so every bash prints it.</summary>
    public const string NoisyBashrc = "echo 'noisy bashrc: hello'\necho 'noisy bashrc: careful' >&2\n";

    /// <summary>The noisy <c>~/.bash_profile</c> (login shells): prints, then reads <c>~/.bashrc</c> as Debian's <c>~/.profile</c> does.</summary>
    public const string NoisyBashProfile = "echo 'noisy bash_profile: hello'\necho 'noisy bash_profile: careful' >&2\n. \"$HOME/.bashrc\"\n";

    private readonly FixtureFolder _folder = new("accounts");
    private readonly PrivateSshd _sshd;

    public AccountsSshd()
    {
        TestAccounts.Ensure(TtyUser, "/bin/bash", withPassword: true);
        TestAccounts.Ensure(NoisyUser, "/bin/bash", withPassword: true);
        TestAccounts.Ensure(NologinUser, "/usr/sbin/nologin", withPassword: false);
        TestAccounts.Ensure(FalseUser, "/bin/false", withPassword: false);
        TestAccounts.Ensure(SftpOnlyUser, "/usr/sbin/nologin", withPassword: false);
        TestAccounts.EnsureHomeFile(NoisyUser, ".bashrc", NoisyBashrc);
        TestAccounts.EnsureHomeFile(NoisyUser, ".bash_profile", NoisyBashProfile);
        TestAccounts.EnsureSudoers("fabric-tests-accounts", $"Defaults:{TtyUser} requiretty\n{TtyUser},{NoisyUser} ALL=(ALL:ALL) ALL");
        _sshd = new PrivateSshd(_folder, [Address], $"""
            Subsystem sftp /usr/lib/openssh/sftp-server
            Match User {SftpOnlyUser}
                ForceCommand internal-sftp
            """);
    }

    public RealHost RequireTty => _sshd.Host(TtyUser, Address, TestAccounts.Password);

    public RealHost Noisy => _sshd.Host(NoisyUser, Address, TestAccounts.Password);

    public RealHost Nologin => _sshd.Host(NologinUser, Address, null);

    public RealHost False => _sshd.Host(FalseUser, Address, null);

    public RealHost SftpOnly => _sshd.Host(SftpOnlyUser, Address, null);

    /// <summary>The pid of the listening sshd; each connection's processes are its children.</summary>
    public int Pid => _sshd.Pid;

    public string Log() => _sshd.Log();

    public void Dispose()
    {
        _sshd.Dispose();
        _folder.Dispose();
    }
}
