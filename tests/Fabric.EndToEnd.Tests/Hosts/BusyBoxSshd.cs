namespace Fabric.EndToEnd.Tests.Hosts;

/// <summary>
/// A BusyBox userland (Alpine, OpenWrt, embedded images): an OpenSSH <c>sshd</c> on 127.0.0.237 started in a mount
/// namespace of its own where <c>/usr/bin</c> (so <c>/bin</c> too) holds only BusyBox and its applet links, and the rest
/// of a user's PATH is empty (<see cref="MountNamespace.BusyBoxOnly"/>): no GNU coreutils, find, stat or bash, and
/// <c>/bin/sh</c> is BusyBox's ash. No SFTP subsystem (an image without <c>openssh-sftp-server</c>), so transfers meet the
/// BusyBox tools themselves. The account <c>fabbb</c> has <c>/bin/sh</c> as its shell and no password (no sudo either:
/// there is none to run).
/// </summary>
public sealed class BusyBoxSshd : IDisposable
{
    public const string User = "fabbb";
    public const string Address = "127.0.0.237";

    private readonly FixtureFolder _folder = new("busybox");
    private readonly PrivateSshd _sshd;

    public BusyBoxSshd()
    {
        TestAccounts.Ensure(User, "/bin/sh", withPassword: false);
        var scratch = Directory.CreateDirectory(_folder.Path("userland")).FullName;
        _sshd = new PrivateSshd(_folder, [Address], launcher: MountNamespace.BusyBoxOnly(scratch));
        var root = $"/proc/{_sshd.Pid}/root/usr/bin/";
        if (File.Exists(root + "bash") || File.Exists(root + "dash") || File.ResolveLinkTarget(root + "sh", returnFinalTarget: false)?.Name != "busybox")
        {
            _sshd.Dispose();
            throw new InvalidOperationException("The BusyBox sshd still sees bash or dash in /usr/bin, or its /bin/sh is not BusyBox: the mounts did not take.");
        }
    }

    public RealHost Host => _sshd.Host(User, Address, null);

    /// <summary>The pid of the listening sshd; each connection is a child process of it.</summary>
    public int Pid => _sshd.Pid;

    public string Log() => _sshd.Log();

    public void Dispose()
    {
        _sshd.Dispose();
        _folder.Dispose();
    }
}
