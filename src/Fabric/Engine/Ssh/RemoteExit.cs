namespace Fabric.Engine.Ssh;

/// <summary>How a remote command ended: exit code and captured text (without the final line break).</summary>
internal sealed record RemoteExit(int ExitCode, string Stdout, string Stderr);
