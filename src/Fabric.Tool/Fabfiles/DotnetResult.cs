namespace Fabric.Tool.Fabfiles;

/// <summary>What a <c>dotnet</c> command left: its exit code and everything it printed.</summary>
internal sealed record DotnetResult(int ExitCode, string StandardOutput, string StandardError);
