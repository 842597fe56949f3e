using System.Diagnostics;

namespace Fabric.EndToEnd.Tests.Ssh;

/// <summary>
/// A real <c>ssh-agent</c> of the test's own, on a socket in a temp folder (never the running user's agent), with
/// keys added by <c>ssh-add</c>.
/// </summary>
internal sealed class TestSshAgent : IDisposable
{
    private readonly Process _process;

    public TestSshAgent(string directory)
    {
        Socket = Path.Combine(directory, $"agent-{Guid.NewGuid():N}"[..14] + ".sock");
        _process = Process.Start(new ProcessStartInfo("ssh-agent", ["-D", "-a", Socket])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        for (var i = 0; i < 200 && !File.Exists(Socket); i++)
        {
            Thread.Sleep(25);
        }

        if (!File.Exists(Socket))
        {
            throw new InvalidOperationException("ssh-agent did not create its socket.");
        }
    }

    public string Socket { get; }

    /// <summary>Adds the private key <paramref name="keyFile"/> to the agent.</summary>
    public void Add(string keyFile)
    {
        var start = new ProcessStartInfo("ssh-add", ["-q", keyFile]) { RedirectStandardError = true, UseShellExecute = false };
        start.Environment["SSH_AUTH_SOCK"] = Socket;
        using var add = Process.Start(start)!;
        var error = add.StandardError.ReadToEnd();
        add.WaitForExit();
        if (add.ExitCode != 0)
        {
            throw new InvalidOperationException($"ssh-add {keyFile} failed: {error}");
        }
    }

    public void Dispose()
    {
        _process.Kill();
        _process.WaitForExit();
        _process.Dispose();
        File.Delete(Socket);
    }
}
