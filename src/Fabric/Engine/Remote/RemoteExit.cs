using Fabric.Engine.Output;

namespace Fabric.Engine.Remote;

/// <summary>How a remote command ended: its exit code and what it printed (when captured).</summary>
internal sealed record RemoteExit(int ExitCode, OutputCapture? StdoutCapture = null, OutputCapture? StderrCapture = null)
{
    /// <summary>An exit with <paramref name="stderr"/> as its only output (a refusal reported some other way than by a command).</summary>
    public static RemoteExit WithError(int exitCode, string stderr)
    {
        var capture = new OutputCapture();
        capture.AppendLine(stderr);
        return new RemoteExit(exitCode, null, capture);
    }

    /// <summary>Standard output without its final line breaks; empty when not captured.</summary>
    public string Stdout => StdoutCapture?.ToText() ?? "";

    /// <summary>Standard error without its final line breaks; empty when not captured.</summary>
    public string Stderr => StderrCapture?.ToText() ?? "";
}
