namespace Fabric.EndToEnd.Tests.Hosts;

/// <summary>One server and account of the matrix: its name in test names, its host, its server's log, and options the tool needs for it.</summary>
internal sealed record Target(string Name, Func<RealHosts, RealHost> Host, Func<RealHosts, string> Log, params string[] Options);

/// <summary>One case: an operation on a target, and what a user of OpenSSH would expect of it.</summary>
internal sealed record HostCase(Target Target, Operation Operation, Outcome Expected);

/// <summary>
/// The acceptance matrix: each server and account users really have, and each operation on it, with the outcome a
/// user of OpenSSH expects. Where it fails, the error must say why in terms the user can act on.
/// </summary>
internal static class HostMatrix
{
    public static readonly Target Dropbear = new("Dropbear", h => h.Dropbear.Host, h => h.Dropbear.Log());
    public static readonly Target Tinysshd = new("tinysshd", h => h.Tinysshd.Host, h => h.Tinysshd.Log());
    public static readonly Target OneSession = new("OpenSSH MaxSessions 1", h => h.Sessions.OneSession, h => h.Sessions.Log());
    public static readonly Target NoSession = new("OpenSSH MaxSessions 0", h => h.Sessions.NoSession, h => h.Sessions.Log());
    public static readonly Target RequireTty = new("OpenSSH, sudo with requiretty", h => h.Accounts.RequireTty, h => h.Accounts.Log());
    public static readonly Target Noisy = new("OpenSSH, noisy ~/.bashrc", h => h.Accounts.Noisy, h => h.Accounts.Log());
    public static readonly Target Nologin = new("OpenSSH, /usr/sbin/nologin account", h => h.Accounts.Nologin, h => h.Accounts.Log());
    public static readonly Target False = new("OpenSSH, /bin/false account", h => h.Accounts.False, h => h.Accounts.Log());
    public static readonly Target NoBash = new("OpenSSH, no bash, default shell", h => h.NoBash.Host, h => h.NoBash.Log());
    public static readonly Target NoBashShellOption = new("OpenSSH, no bash, --shell '/bin/sh -c'", h => h.NoBash.Host, h => h.NoBash.Log(), "--shell", "/bin/sh -c");

    private static readonly Outcome Works = Outcome.Succeeds;

    /// <summary>The account's login shell (nologin, /bin/false) ran no command: the error must point at that shell.</summary>
    private static readonly Cause LoginShell = new("that the account's login shell refused the command", "shell", "not available");

    private static readonly Outcome BashMissing = Outcome.Fails(
        new Cause("that bash is missing on the host", "bash"),
        new Cause("how to choose another shell", "--shell", "Env.Shell"));

    public static readonly HostCase[] Cases =
    [
        .. Everything(Dropbear, Works),
        .. Everything(Tinysshd, Works),
        .. Everything(OneSession, Works),
        new(NoSession, Operation.Run, Outcome.Fails(new Cause("that the server allows no session (MaxSessions)", "MaxSessions"))),
        new(RequireTty, Operation.Run, Works),
        new(RequireTty, Operation.Sudo, Outcome.Fails(
            new Cause("that sudo needs a terminal", "tty"),
            new Cause("how to ask for one", "--pty", "pty: true", "AlwaysUsePty"))),
        new(RequireTty, Operation.SudoOnPty, Works),
        new(RequireTty, Operation.ReadInput, Works),
        new(RequireTty, Operation.TwoAtOnce, Works),
        .. Everything(Noisy, Works),
        .. WithoutSudo(Nologin, Outcome.Fails(LoginShell)),
        .. WithoutSudo(False, Outcome.Fails(LoginShell)),
        .. Everything(NoBash, BashMissing),
        new(NoBash, Operation.RunWithEnvShell, Works),
        .. Everything(NoBashShellOption, Works),
    ];

    /// <summary>The cases as xunit theory rows (target name, operation), each its own test.</summary>
    public static TheoryData<string, Operation> Rows()
    {
        var rows = new TheoryData<string, Operation>();
        foreach (var row in Cases)
        {
            rows.Add(row.Target.Name, row.Operation);
        }

        return rows;
    }

    public static HostCase Find(string target, Operation operation) =>
        Cases.Single(c => c.Target.Name == target && c.Operation == operation);

    private static IEnumerable<HostCase> Everything(Target target, Outcome outcome) =>
        [.. WithoutSudo(target, outcome), new(target, Operation.Sudo, outcome)];

    private static IEnumerable<HostCase> WithoutSudo(Target target, Outcome outcome) =>
        [new(target, Operation.Run, outcome), new(target, Operation.ReadInput, outcome), new(target, Operation.TwoAtOnce, outcome), new(target, Operation.FiveInARow, outcome)];
}
