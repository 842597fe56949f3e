namespace Fabric.Engine.Transport.SshNet;

/// <summary>Which SSH.NET the transport runs on, for a program's version line: the tool itself names no SSH.NET type.</summary>
internal static class SshNetVersion
{
    public static string Text { get; } = typeof(Renci.SshNet.SshClient).Assembly.GetName().Version?.ToString(3) ?? "?";
}
