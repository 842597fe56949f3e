using Fabric.Engine.Execution;
using Fabric.Engine.Remote;
using Fabric.Engine.Ssh;
using Fabric.Engine.Transport;

namespace Fabric.Engine.Transfers;

/// <summary>
/// Runs the transfers' internal commands on exec channels, under <c>/bin/sh -c</c> (never a login shell), as the login
/// user or under the host's sudo. What the account's shell prints before our command starts (a noisy <c>~/.bashrc</c>)
/// is never read: a command's answer is what follows a marker it prints first, and its verdict is its exit code.
/// </summary>
internal sealed class ShellRunner(RunContext context, IRemoteHost host, bool sudo)
{
    private const string SystemShell = "/bin/sh -c";

    /// <summary>What an upload's remote end says on stderr when it cannot write the file: the rest is not sent.</summary>
    internal const string StdinRefused = "[fabric-put-refused]";

    /// <summary>Printed first by every command whose output is read: the answer is what follows it.</summary>
    public string Marker { get; } = $"[fabric-{Guid.NewGuid():N}]";

    public IRemoteHost Host => host;

    public bool Sudo => sudo;

    /// <summary>Runs <paramref name="script"/> and returns its exit and the bytes it printed after the marker (null: the marker never came, so our command did not run).</summary>
    public async Task<(RemoteExit Exit, byte[]? Answer)> QueryAsync(string script, CancellationToken cancellationToken)
    {
        using var stdout = new MemoryStream();
        var exit = await ExecAsync($"printf '%s' '{Marker}'; {script}", cancellationToken, stdout: stdout).ConfigureAwait(false);
        var bytes = stdout.ToArray();
        var at = bytes.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(Marker));
        return (exit, at < 0 ? null : bytes[(at + Marker.Length)..]);
    }

    /// <summary>Runs a command quietly; stdin and stdout streams for the data of a transfer.</summary>
    public Task<RemoteExit> ExecAsync(string command, CancellationToken cancellationToken, Stream? stdin = null, Stream? stdout = null, string? activity = null)
    {
        var sudoLine = sudo ? new SudoLine(host.Sudo.Marker, User: null, StartMarker: host.Sudo.StartMarker) : null;
        var line = RemoteCommandLine.Build(command, ScopeSettings.None, SystemShell, sudoLine);
        return new RemoteProcess
        {
            Host = host,
            Hosts = context.RemoteHosts,
            CommandLine = line,
            Description = command,
            Activity = activity,
            StdinRefusedMarker = stdin is null ? null : StdinRefused,
            Stdin = stdin,
            StdoutSink = stdout,
            SudoMarker = sudoLine?.Marker,
            StartMarker = sudoLine?.StartMarker,
            SudoPassword = sudo ? attempt => RemoteShell.SudoPassword(context, host, attempt) : null,
            Timeout = stdin is null && stdout is null ? context.Ssh.CommandTimeout : null,
        }.RunAsync(cancellationToken);
    }

    /// <summary>
    /// Why a command failed, in the server's words: the last line it wrote on stderr, else the last it wrote on stdout after
    /// the marker (a forced command that explains itself there), else its exit code.
    /// </summary>
    public static string Why(RemoteExit exit, byte[]? answer = null)
    {
        var stderr = LastLine(exit.Stderr);
        if (stderr.Length > 0)
        {
            return stderr;
        }

        var stdout = LastLine(answer is null ? exit.Stdout : System.Text.Encoding.UTF8.GetString(answer));
        return stdout.Length > 0 ? stdout : $"exit code {exit.ExitCode}";
    }

    private static string LastLine(string text) =>
        text.Replace(StdinRefused, "", StringComparison.Ordinal).TrimEnd('\n', '\r', ' ').Split('\n')[^1].Trim();

    /// <summary>The kind of a shell's complaint, from its usual words (<c>No such file</c>, <c>Permission denied</c>).</summary>
    public static RemoteFileError ErrorOf(string why) =>
        why.Contains("No such file", StringComparison.OrdinalIgnoreCase) ? RemoteFileError.Missing
        : why.Contains("Permission denied", StringComparison.OrdinalIgnoreCase) ? RemoteFileError.Denied
        : RemoteFileError.Failure;

    /// <summary>One shell word for a path (absolute, or relative to the login folder: made <c>./x</c> so that it never reads as an option).</summary>
    public static string Quote(string path) =>
        ShellQuoting.Quote(path.StartsWith('/') ? path : "./" + path);
}
