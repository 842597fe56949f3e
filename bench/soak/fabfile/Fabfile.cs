using static Fabric.Api;

namespace Soak;

/// <summary>The soak test's task: a few commands per host, so that sshd going away can land before, between or during them.</summary>
public static class Fabfile
{
    /// <summary>Three commands over the host's one connection; the last one's output proves the host finished.</summary>
    public static void Soak()
    {
        Run("echo begin");
        Run("sleep 0.3");
        Run("echo \"end $(echo \"$SSH_CONNECTION\" | cut -d' ' -f3)\"");
    }
}
