namespace Fabric.EndToEnd.Tests.Hosts;

/// <summary>What a transfer case of <see cref="TransferMatrix"/> does.</summary>
public enum TransferOperation
{
    /// <summary><c>Put</c> of a local file to a remote path that does not exist yet.</summary>
    PutNew,

    /// <summary><c>Put</c> over an existing remote file (mode 0640): its content is replaced, its mode kept.</summary>
    PutOver,

    /// <summary><c>Get</c> of one remote file to a local path.</summary>
    GetFile,

    /// <summary><c>Get</c> of a remote glob (<c>dir/*.txt</c>, two matches and one file that does not match) into a local folder.</summary>
    GetGlob,

    /// <summary><c>Put</c> into a root-owned folder the account cannot write.</summary>
    PutDenied,

    /// <summary><c>Get</c> of a remote file that does not exist.</summary>
    GetMissing,
}

/// <summary>One server and account of the transfer matrix, and, for an account that can run nothing, why every transfer must fail.</summary>
internal sealed record TransferTarget(string Name, Func<RealHosts, RealHost> Host, Func<RealHosts, string> Log, Cause? Refused = null);

/// <summary>
/// The transfer acceptance matrix: each server and account users really have, each transfer on it, and what must happen:
/// it works with the copy byte-identical (SHA-256 of both sides), or it fails with one line naming the host, the file and
/// the reason.
/// </summary>
internal static class TransferMatrix
{
    /// <summary>The login shell (nologin, /bin/false) runs neither a command nor the external sftp-server: the error must point at that shell.</summary>
    public static readonly Cause LoginShell = new("that the account's login shell refused (it runs no command, nor the sftp-server)", "shell", "not available");

    /// <summary>The reason of a denied upload.</summary>
    public static readonly Cause Denied = new("that permission was denied", "permission denied", "not permitted");

    /// <summary>The reason of a download of nothing.</summary>
    public static readonly Cause Missing = new("that the remote file does not exist", "no such file", "not found", "does not exist", "doesn't exist", "no remote file");

    public static readonly TransferTarget DropbearSftp = new("Dropbear with an SFTP server", h => h.Dropbear.Host, h => h.Dropbear.Log());
    public static readonly TransferTarget DropbearNoSftp = new("Dropbear without an SFTP server", h => h.DropbearNoSftp.Host, h => h.DropbearNoSftp.Log());
    public static readonly TransferTarget BusyBox = new("OpenSSH, BusyBox userland, no SFTP", h => h.BusyBox.Host, h => h.BusyBox.Log());
    public static readonly TransferTarget SftpOnly = new("OpenSSH, SFTP-only account (ForceCommand internal-sftp)", h => h.Accounts.SftpOnly, h => h.Accounts.Log());
    public static readonly TransferTarget Noisy = new("OpenSSH, noisy ~/.bashrc and ~/.bash_profile", h => h.Accounts.Noisy, h => h.Accounts.Log());
    public static readonly TransferTarget Nologin = new("OpenSSH, /usr/sbin/nologin account", h => h.Accounts.Nologin, h => h.Accounts.Log(), LoginShell);
    public static readonly TransferTarget False = new("OpenSSH, /bin/false account", h => h.Accounts.False, h => h.Accounts.Log(), LoginShell);

    public static readonly TransferTarget[] Targets = [DropbearSftp, DropbearNoSftp, BusyBox, SftpOnly, Noisy, Nologin, False];

    /// <summary>The targets where transfers work (every target but the accounts that can run nothing).</summary>
    public static IEnumerable<TransferTarget> Working => Targets.Where(t => t.Refused is null);

    /// <summary>Every target with every operation, as xunit theory rows (target name, operation), each its own test.</summary>
    public static TheoryData<string, TransferOperation> Rows()
    {
        var rows = new TheoryData<string, TransferOperation>();
        foreach (var target in Targets)
        {
            foreach (var operation in Enum.GetValues<TransferOperation>())
            {
                rows.Add(target.Name, operation);
            }
        }

        return rows;
    }

    public static TransferTarget Find(string name) => Targets.Single(t => t.Name == name);

    /// <summary>The reason the case must fail with, or null when it must work.</summary>
    public static Cause? ExpectedFailure(TransferTarget target, TransferOperation operation) => target.Refused ?? operation switch
    {
        TransferOperation.PutDenied => Denied,
        TransferOperation.GetMissing => Missing,
        _ => null,
    };
}
