namespace Fabric.EndToEnd.Tests.Hosts;

/// <summary>
/// A host with no bash (Alpine, BusyBox images, minimal containers): an OpenSSH <c>sshd</c> on 127.0.0.235 started
/// in a mount namespace of its own (<c>unshare -m</c>) where an overlay over <c>/usr/bin</c> whites out
/// <c>bash</c> (Debian 12 merges <c>/bin</c> into <c>/usr/bin</c>, so <c>/bin/bash</c> goes too). The machine's own
/// <c>/usr/bin</c> is not changed. The account <c>fabsh</c> has <c>/bin/sh</c> (dash) as its shell, a password and
/// sudo with it.
/// </summary>
public sealed class NoBashSshd : IDisposable
{
    public const string User = "fabsh";
    public const string Address = "127.0.0.235";

    private readonly FixtureFolder _folder = new("nobash");
    private readonly PrivateSshd _sshd;

    public NoBashSshd()
    {
        TestAccounts.Ensure(User, "/bin/sh", withPassword: true);
        TestAccounts.EnsureSudoers("fabric-tests-nobash", $"{User} ALL=(ALL:ALL) ALL");
        var overlay = _folder.Path("overlay");
        Directory.CreateDirectory(overlay);
        _sshd = new PrivateSshd(_folder, [Address], launcher: MountNamespace.Hiding(overlay, "/usr/bin", "bash"));
        if (File.Exists($"/proc/{_sshd.Pid}/root/usr/bin/bash") || !File.Exists($"/proc/{_sshd.Pid}/root/usr/bin/sh"))
        {
            _sshd.Dispose();
            throw new InvalidOperationException("The no-bash sshd still sees /usr/bin/bash (or no longer /usr/bin/sh): the overlay did not hide it.");
        }
    }

    public RealHost Host => _sshd.Host(User, Address, TestAccounts.Password);

    public string Log() => _sshd.Log();

    public void Dispose()
    {
        _sshd.Dispose();
        _folder.Dispose();
    }
}
