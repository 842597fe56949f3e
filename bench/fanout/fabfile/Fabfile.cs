using static Fabric.Api;

namespace Bench;

/// <summary>Tasks of the fan-out benchmark. Commands run as the peers run them: sent as they are, without Env.Shell.</summary>
public static class Fabfile
{
    /// <summary>One command on the current host.</summary>
    public static void Probe() => Run("true", shell: false);

    /// <summary>Twenty commands, one after another, over the host's one connection.</summary>
    public static void Twenty()
    {
        for (var i = 0; i < 20; i++)
        {
            Run("true", shell: false);
        }
    }
}
