using static Fabric.Api;

namespace Bench;

/// <summary>Tasks of the fan-out benchmark. Commands run as the peers run them: sent as they are, without Env.Shell.</summary>
public static class Fabfile
{
    /// <summary>One command on the current host.</summary>
    public static void Probe() => Run("true", shell: false);

    /// <summary>
    /// One command whose output is printed (bench.sh section 6: 100 MB of it), sent as it is, as <c>ssh</c> sends it.
    /// <paramref name="capture"/> false: its output is printed but not kept in the result.
    /// </summary>
    /// <param name="command">The command line.</param>
    /// <param name="capture">Whether the result keeps the output.</param>
    public static void Output(string command, bool capture = true) => Run(command, shell: false, capture: capture);

    /// <summary>Twenty commands, one after another, over the host's one connection.</summary>
    public static void Twenty()
    {
        for (var i = 0; i < 20; i++)
        {
            Run("true", shell: false);
        }
    }
}
