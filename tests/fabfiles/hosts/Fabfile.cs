using Fabric;
using static Fabric.Api;

namespace Hosts;

/// <summary>The operations every kind of host is tried with: output on both streams, sudo, input, two commands at once, several in a row.</summary>
public static class Fabfile
{
    /// <summary>Prints a line on stdout and one on stderr; with <paramref name="shell"/>, run in that shell (<c>Env.Shell</c>).</summary>
    [Task]
    public static void OutAndErr(string? shell = null)
    {
        if (shell is not null)
        {
            Env.Shell = shell;
        }

        Run("echo hi; echo oops >&2");
    }

    /// <summary>Prints the user sudo runs as.</summary>
    [Task]
    public static void SudoId() => Sudo("id -un");

    /// <summary>Reads a line of input (there is none: it must see end-of-input at once) and prints what it got.</summary>
    [Task]
    public static void ReadInput() => Run("read x; echo \"got [$x]\"");

    /// <summary>Two commands at once on one host: the first ends after the second.</summary>
    [Task]
    public static async Task TwoAtOnce() => await Task.WhenAll(RunAsync("sleep 1; echo a"), RunAsync("echo b"));

    /// <summary>Five commands one after the other on one host (each after the one before has ended).</summary>
    [Task]
    public static void FiveInARow()
    {
        for (var i = 1; i <= 5; i++)
        {
            Run($"echo {i}");
        }
    }
}
