namespace Fabric.EndToEnd.Tests.Hosts;

/// <summary>What a real-host case does, as a task of <c>tests/fabfiles/hosts</c>.</summary>
public enum Operation
{
    /// <summary><c>Run("echo hi; echo oops >&amp;2")</c>.</summary>
    Run,

    /// <summary><c>Sudo("id -un")</c>, with the account's password given by <c>-p</c>.</summary>
    Sudo,

    /// <summary><c>Sudo("id -un")</c> with <c>--pty</c>: sudo on a pseudo-terminal.</summary>
    SudoOnPty,

    /// <summary><c>Run("read x; echo \"got [$x]\"")</c> with no input: must get end-of-input at once, not wait.</summary>
    ReadInput,

    /// <summary><c>await Task.WhenAll(RunAsync("sleep 1; echo a"), RunAsync("echo b"))</c> in one task.</summary>
    TwoAtOnce,

    /// <summary><c>Run("echo 1")</c> … <c>Run("echo 5")</c>: each command after the one before ended. Five, not two: on
    /// a server that ends the connection with its one session (tinysshd), whether the next command finds the connection
    /// still open is a race: with two commands the tool lost it in 5 of 15 runs, with five in 10 of 10.</summary>
    FiveInARow,

    /// <summary><see cref="Run"/> with <c>Env.Shell = "/bin/sh -c"</c> set by the task.</summary>
    RunWithEnvShell,
}

/// <summary>The command line and the output of each <see cref="Operation"/>.</summary>
internal static class Operations
{
    /// <summary>The <c>dotnet fab</c> arguments that run <paramref name="operation"/> (after the host options).</summary>
    public static string[] Arguments(Operation operation) => operation switch
    {
        Operation.Run => ["out-and-err"],
        Operation.Sudo => ["sudo-id"],
        Operation.SudoOnPty => ["--pty", "sudo-id"],
        Operation.ReadInput => ["read-input"],
        Operation.TwoAtOnce => ["two-at-once"],
        Operation.FiveInARow => ["five-in-a-row"],
        Operation.RunWithEnvShell => ["out-and-err:shell=/bin/sh -c"],
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    /// <summary>The output lines (after <c>[host] </c>) that show <paramref name="operation"/> worked.</summary>
    public static string[] OutputWhenItWorks(Operation operation) => operation switch
    {
        Operation.Run or Operation.RunWithEnvShell => ["out: hi", "err: oops"],
        Operation.Sudo or Operation.SudoOnPty => ["out: root"],
        Operation.ReadInput => ["out: got []"],
        Operation.TwoAtOnce => ["out: b", "out: a"],
        Operation.FiveInARow => ["out: 1", "out: 2", "out: 3", "out: 4", "out: 5"],
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };
}
