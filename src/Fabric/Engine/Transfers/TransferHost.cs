using System.Text;
using Fabric.Engine.Execution;
using Fabric.Engine.Ssh;
using Fabric.Engine.Transport;

namespace Fabric.Engine.Transfers;

/// <summary>
/// One <c>Put</c> or <c>Get</c>'s view of a host: its files over SFTP when the server offers it, else through POSIX
/// commands (<see cref="ShellFiles"/>); the same through sudo for <c>useSudo</c>; and the host's SHA-256 of a file, where it
/// has a tool for it. Closing it closes the SFTP channel.
/// </summary>
internal sealed class TransferHost : IAsyncDisposable
{
    private readonly RunContext _context;
    private string? _home;
    private bool _noHashTool;

    private TransferHost(RunContext context, IRemoteHost host, IRemoteFiles files, bool useSudo)
    {
        _context = context;
        Host = host;
        Files = files;
        Shell = new ShellRunner(context, host, sudo: false);
        if (useSudo)
        {
            RootShell = new ShellRunner(context, host, sudo: true);
            RootFiles = new ShellFiles(RootShell);
        }
    }

    public IRemoteHost Host { get; }

    /// <summary>The files as the login user sees them.</summary>
    public IRemoteFiles Files { get; }

    /// <summary>Commands as the login user (hashing).</summary>
    public ShellRunner Shell { get; }

    /// <summary>Commands under sudo (null without <c>useSudo</c>).</summary>
    public ShellRunner? RootShell { get; }

    /// <summary>The files as root (null without <c>useSudo</c>).</summary>
    public IRemoteFiles? RootFiles { get; }

    /// <summary>Opens SFTP on the host's connection, or falls back to commands when it has none.</summary>
    public static async Task<TransferHost> OpenAsync(RunContext context, IRemoteHost host, bool useSudo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(host);
        var sftp = await host.FilesAsync(cancellationToken).ConfigureAwait(false);
        var files = sftp ?? new ShellFiles(new ShellRunner(context, host, sudo: false));
        context.RemoteHosts.Debug(host.Target, $"transfers go through {files.Kind}{(useSudo ? ", placed and read as root with sudo" : "")}");
        return new TransferHost(context, host, files, useSudo);
    }

    /// <summary>
    /// <paramref name="path"/> as the files take it: <c>~</c> and <c>~/x</c> under the login folder (asked once);
    /// relative paths stay relative (SFTP and a command both start in the login folder).
    /// </summary>
    public async Task<string> ResolveAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path != "~" && !path.StartsWith("~/", StringComparison.Ordinal))
        {
            return path;
        }

        _home ??= await Files.HomeAsync(cancellationToken).ConfigureAwait(false);
        return path.Length <= 2 ? _home : _home.TrimEnd('/') + "/" + path[2..];
    }

    /// <summary>
    /// The host's SHA-256 of <paramref name="path"/> (as root with <paramref name="asRoot"/>), or null when it has no tool
    /// for it (or runs no commands: an SFTP-only account): said once in a debug line, and the copy is checked for its
    /// size only.
    /// </summary>
    public async Task<string?> HashAsync(string path, bool asRoot, CancellationToken cancellationToken)
    {
        if (_noHashTool && !asRoot)
        {
            return null;
        }

        var shell = asRoot ? RootShell ?? Shell : Shell;
        var (exit, answer) = await shell.QueryAsync(RemoteDigest.Print(ShellRunner.Quote(path)), cancellationToken).ConfigureAwait(false);
        var hash = answer is null ? "" : Encoding.UTF8.GetString(answer).Trim();
        if (exit.ExitCode == 0 && hash.Length == 64 && hash.All(char.IsAsciiHexDigitLower))
        {
            return hash;
        }

        _noHashTool = true;
        _context.RemoteHosts.Debug(Host.Target, answer is null
            ? $"the account runs no commands ({ShellRunner.Why(exit)}): {path} and later files are checked for their size only"
            : $"no openssl or sha256sum: {path} and later files are checked for their size only");
        return null;
    }

    public ValueTask DisposeAsync() => Files.DisposeAsync();
}
