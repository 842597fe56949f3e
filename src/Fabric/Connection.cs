using Fabric.Engine.Execution;
using Fabric.Engine.Hosts;
using Fabric.Engine.Output;
using Fabric.Engine.Remote;
using Fabric.Engine.Transfers;

namespace Fabric;

/// <summary>
/// One host, for programs that run commands over SSH without <c>dotnet fab</c>, as Fabric 2's <c>Connection("web1").run(…)</c>:
/// <code>
/// await using var web1 = new Connection("deploy@web1:2222", new ConnectionOptions { Output = Console.Out });
/// var kernel = await web1.RunAsync("uname -r");
/// await web1.PutAsync("dist/app.tar.gz", "/srv/app/");
/// </code>
/// It logs in as the tool does, through the same code: the ssh config, the agent, key files, the password, jump hosts, and
/// host keys checked against known_hosts (<see cref="ConnectionOptions"/>). It connects on its first operation (or
/// <see cref="OpenAsync"/>) and keeps that one SSH connection for every later one; disposing it closes that connection (and
/// the jump host's, if it opened one), and nothing else. Operations may run at once, each on a channel of the connection.
/// </summary>
/// <remarks>
/// A failure throws <see cref="AbortException"/> with one readable message naming the host and the cause: the host could not be
/// reached, refused the login or the host key, dropped the connection; a command that exits non-zero throws its subclass
/// <see cref="CommandFailedException"/>, unless warn-only is on. Inside a <c>dotnet fab</c> task, a connection keeps to its own
/// host and options: the task's host, <c>Env</c> and <c>Settings(hostString/user/port/gateway)</c> do not apply to it, while the
/// <c>Cd</c>, <c>Prefix</c>, <c>ShellEnv</c>, <c>WarnOnly</c>, <c>Hide</c>/<c>Show</c> scopes around a call do.
/// </remarks>
public sealed class Connection : IAsyncDisposable, IDisposable
{
    private readonly RunContext _context;
    private readonly ExecutionFrame _frame;
    private readonly CancellationTokenSource _closing = new();
    private int _disposed;

    /// <summary>A connection to <paramref name="host"/>; nothing is opened until the first operation.</summary>
    /// <param name="host">The host string, <c>[user@]host[:port]</c> (IPv6 as <c>[::1]:22</c>); a name the ssh config knows works too.</param>
    /// <param name="options">How to log in and what to show; null: the defaults (see <see cref="ConnectionOptions"/>).</param>
    /// <exception cref="ArgumentException">The host string or an option is invalid; the message says which and why.</exception>
    public Connection(string host, ConnectionOptions? options = null)
        : this(ParseHost(host), options ?? new ConnectionOptions(), null)
    {
    }

    /// <summary>A connection writing to <paramref name="output"/> (a group's shared sink), or to <paramref name="options"/>' writer when null.</summary>
    internal Connection(HostString host, ConnectionOptions options, IOutputSink? output)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Host = host.Original;
        Options = options;
        _context = new RunContext(output ?? SinkFor(options.Output)) { Ssh = options.ToSshOptions(), Cancellation = _closing.Token };
        var env = _context.Env;
        (env.Gateway, env.WarnOnly, env.Linewise) = (options.Gateway, options.WarnOnly, true);
        env.Shell = options.Shell ?? env.Shell;
        if (options.User is { } user)
        {
            env.User = user;
        }

        if (options.Port is { } port)
        {
            env.Port = port;
        }

        _frame = new ExecutionFrame(nameof(Connection), host, host.UserOr(env.User), host.PortOr(env.Port)) { Linewise = true };
    }

    /// <summary>The host string, as given.</summary>
    public string Host { get; }

    /// <summary>The options it was made with.</summary>
    public ConnectionOptions Options { get; }

    /// <summary>True while its SSH connection is open (after the first operation, before disposal, unless the server dropped it).</summary>
    public bool IsConnected => Volatile.Read(ref _disposed) == 0 && _context.Connections.OpenCount > 0;

    /// <summary>Connects and logs in now, rather than on the first operation; does nothing when already connected.</summary>
    /// <exception cref="AbortException">The host could not be reached, or refused the login or its host key.</exception>
    public void Open() => OpenAsync().GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="Open"/>.</summary>
    /// <param name="cancellationToken">Stops connecting.</param>
    /// <returns>Done when logged in.</returns>
    public Task OpenAsync(CancellationToken cancellationToken = default) =>
        OnHostAsync<object?>(
            async token =>
            {
                var target = CurrentLogin.Target(_frame.Host!, _frame, Ambient.Scope, _context.Env);
                await _context.RemoteHosts.GetAsync(target, token).ConfigureAwait(false);
                return null;
            },
            cancellationToken);

    /// <summary>
    /// Runs a shell command on the host, as <see cref="Api.Run(string, bool?, bool, bool?, CommandInput?, bool)"/> does in a task:
    /// inside the shell (<see cref="ConnectionOptions.Shell"/>), output written as <c>[host] out: …</c> when
    /// <see cref="ConnectionOptions.Output"/> is set, and always kept in the result. The command gets end-of-input at once unless
    /// <paramref name="input"/> is given.
    /// </summary>
    /// <param name="command">The command line, in the remote shell's syntax.</param>
    /// <param name="warnOnly">True: a non-zero exit returns the result instead of throwing; null: <see cref="ConnectionOptions.WarnOnly"/>.</param>
    /// <param name="pty">True: run it on a pseudo-terminal (hosts whose sudoers say <c>requiretty</c>); standard error then arrives with standard output.</param>
    /// <param name="input">What the command reads on its standard input, followed by end-of-input.</param>
    /// <returns>Its output and exit code; converts to its standard output.</returns>
    /// <exception cref="CommandFailedException">The command exited non-zero outside warn-only mode.</exception>
    /// <exception cref="AbortException">The host could not be reached, refused the login, or dropped the connection.</exception>
    public CommandResult Run(string command, bool? warnOnly = null, bool pty = false, CommandInput? input = null) =>
        RunAsync(command, warnOnly, pty, input).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="Run"/>.</summary>
    /// <param name="command">The command line, in the remote shell's syntax.</param>
    /// <param name="warnOnly">True: a non-zero exit returns the result instead of throwing; null: <see cref="ConnectionOptions.WarnOnly"/>.</param>
    /// <param name="pty">True: run it on a pseudo-terminal.</param>
    /// <param name="input">What the command reads on its standard input, followed by end-of-input.</param>
    /// <param name="cancellationToken">Stops waiting and signals the remote command.</param>
    /// <returns>Its output and exit code.</returns>
    public Task<CommandResult> RunAsync(string command, bool? warnOnly = null, bool pty = false, CommandInput? input = null, CancellationToken cancellationToken = default) =>
        OnHostAsync(token => RemoteShell.RunAsync("run", command, sudoUser: null, CommandOptions(warnOnly, pty, input), token), cancellationToken);

    /// <summary>
    /// Runs a shell command through <c>sudo</c>, as root or as <paramref name="user"/>, as <see cref="Api.Sudo(string, string?, bool?, bool, bool?, CommandInput?, bool)"/>
    /// does. When sudo asks for a password it is given <see cref="ConnectionOptions.Password"/>; with none, the call fails saying so.
    /// </summary>
    /// <param name="command">The command line, in the remote shell's syntax.</param>
    /// <param name="user">The user to run as (<c>sudo -u</c>); null: root.</param>
    /// <param name="warnOnly">True: a non-zero exit returns the result instead of throwing; null: <see cref="ConnectionOptions.WarnOnly"/>.</param>
    /// <param name="pty">True: run it on a pseudo-terminal (<c>requiretty</c>).</param>
    /// <param name="input">What the command reads on its standard input, followed by end-of-input.</param>
    /// <returns>Its output and exit code.</returns>
    /// <exception cref="CommandFailedException">The command exited non-zero outside warn-only mode.</exception>
    /// <exception cref="AbortException">Connection failure, or sudo wanted a password and none was given.</exception>
    public CommandResult Sudo(string command, string? user = null, bool? warnOnly = null, bool pty = false, CommandInput? input = null) =>
        SudoAsync(command, user, warnOnly, pty, input).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="Sudo"/>.</summary>
    /// <param name="command">The command line, in the remote shell's syntax.</param>
    /// <param name="user">The user to run as (<c>sudo -u</c>); null: root.</param>
    /// <param name="warnOnly">True: a non-zero exit returns the result instead of throwing; null: <see cref="ConnectionOptions.WarnOnly"/>.</param>
    /// <param name="pty">True: run it on a pseudo-terminal.</param>
    /// <param name="input">What the command reads on its standard input, followed by end-of-input.</param>
    /// <param name="cancellationToken">Stops waiting and signals the remote command.</param>
    /// <returns>Its output and exit code.</returns>
    public Task<CommandResult> SudoAsync(
        string command, string? user = null, bool? warnOnly = null, bool pty = false, CommandInput? input = null, CancellationToken cancellationToken = default) =>
        OnHostAsync(token => RemoteShell.RunAsync("sudo", command, user, CommandOptions(warnOnly, pty, input), token), cancellationToken);

    /// <summary>
    /// Uploads a local file, folder or glob (<c>dist/*.tar.gz</c>) to the host, as <see cref="Api.Put(string, string?, bool, string?, bool)"/>
    /// does: each file written under a temporary name, checked for size and SHA-256, then renamed into place.
    /// </summary>
    /// <param name="localPath">A local file, folder or glob; relative to the current folder.</param>
    /// <param name="remotePath">The remote file or folder (<c>~</c> is the home folder; a trailing <c>/</c> means a folder); null: the home folder.</param>
    /// <param name="useSudo">Place the files as root (staged in a private folder, then copied with sudo).</param>
    /// <param name="mode">Octal permissions for the uploaded files (<c>"0755"</c>); null: keep the replaced file's.</param>
    /// <returns>The files copied.</returns>
    /// <exception cref="AbortException">Nothing matched, or a file could not be written (outside warn-only mode).</exception>
    public TransferResult Put(string localPath, string? remotePath = null, bool useSudo = false, string? mode = null) =>
        PutAsync(localPath, remotePath, useSudo, mode).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="Put(string, string?, bool, string?)"/>.</summary>
    /// <param name="localPath">A local file, folder or glob.</param>
    /// <param name="remotePath">The remote file or folder; null: the home folder.</param>
    /// <param name="useSudo">Place the files as root.</param>
    /// <param name="mode">Octal permissions for the uploaded files.</param>
    /// <param name="cancellationToken">Stops the transfer.</param>
    /// <returns>The files copied.</returns>
    public Task<TransferResult> PutAsync(string localPath, string? remotePath = null, bool useSudo = false, string? mode = null, CancellationToken cancellationToken = default) =>
        OnHostAsync(token => RemoteTransfers.PutAsync(localPath, remotePath, useSudo, mode, verify: true, token), cancellationToken);

    /// <summary>Uploads what <paramref name="content"/> holds (read to its end, not disposed) to the file <paramref name="remotePath"/>, as <see cref="Api.Put(Stream, string, bool, string?)"/>.</summary>
    /// <param name="content">What to write.</param>
    /// <param name="remotePath">The remote file.</param>
    /// <param name="useSudo">Place the file as root.</param>
    /// <param name="mode">Octal permissions (<c>"0640"</c>); null: keep the replaced file's.</param>
    /// <returns>The file copied.</returns>
    public TransferResult Put(Stream content, string remotePath, bool useSudo = false, string? mode = null) =>
        PutAsync(content, remotePath, useSudo, mode).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="Put(Stream, string, bool, string?)"/>.</summary>
    /// <param name="content">What to write.</param>
    /// <param name="remotePath">The remote file.</param>
    /// <param name="useSudo">Place the file as root.</param>
    /// <param name="mode">Octal permissions.</param>
    /// <param name="cancellationToken">Stops the transfer.</param>
    /// <returns>The file copied.</returns>
    public Task<TransferResult> PutAsync(Stream content, string remotePath, bool useSudo = false, string? mode = null, CancellationToken cancellationToken = default) =>
        OnHostAsync(token => RemoteTransfers.PutStreamAsync(content, remotePath, useSudo, mode, token), cancellationToken);

    /// <summary>Downloads a remote file, folder or glob, as <see cref="Api.Get(string, string?, bool, bool)"/> does, checked for size and SHA-256.</summary>
    /// <param name="remotePath">A remote file, folder or glob (<c>~</c> is the home folder).</param>
    /// <param name="localPath">A local file or folder, or a template such as <c>logs/%(host)s/%(path)s</c>; null: the current folder.</param>
    /// <param name="useSudo">Read the files as root.</param>
    /// <returns>The files copied.</returns>
    /// <exception cref="AbortException">Nothing matched, or a file could not be read (outside warn-only mode).</exception>
    public TransferResult Get(string remotePath, string? localPath = null, bool useSudo = false) =>
        GetAsync(remotePath, localPath, useSudo).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="Get"/>.</summary>
    /// <param name="remotePath">A remote file, folder or glob.</param>
    /// <param name="localPath">A local file, folder or template; null: the current folder.</param>
    /// <param name="useSudo">Read the files as root.</param>
    /// <param name="cancellationToken">Stops the transfer.</param>
    /// <returns>The files copied.</returns>
    public Task<TransferResult> GetAsync(string remotePath, string? localPath = null, bool useSudo = false, CancellationToken cancellationToken = default) =>
        OnHostAsync(token => RemoteTransfers.GetAsync(remotePath, localPath, useSudo, verify: true, token), cancellationToken);

    /// <summary>
    /// Stops what is still running on it and closes its SSH connection (and its jump host's), writing
    /// <c>Disconnecting from host... done.</c> when it was open. Never throws; calling it again does nothing.
    /// </summary>
    /// <returns>Done when closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _closing.CancelAsync().ConfigureAwait(false);
        await _context.Connections.CloseAllAsync().ConfigureAwait(false);
        _closing.Dispose();
    }

    /// <summary>The synchronous form of <see cref="DisposeAsync"/>.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>The host string.</summary>
    /// <returns>The host string, as given.</returns>
    public override string ToString() => Host;

    /// <summary>Parses a host string, turning the engine's usage error into the <see cref="ArgumentException"/> a library caller expects.</summary>
    internal static HostString ParseHost(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        try
        {
            return HostString.Parse(host);
        }
        catch (Engine.FabricUsageException e)
        {
            throw new ArgumentException(e.Message, nameof(host));
        }
    }

    internal static IOutputSink SinkFor(TextWriter? writer) => writer is null ? NullOutputSink.Instance : new TextWriterOutputSink(writer);

    private static RemoteCommandOptions CommandOptions(bool? warnOnly, bool pty, CommandInput? input) => new(true, warnOnly, pty, input, true);

    /// <summary>
    /// Runs an engine operation with this connection's run, host and options current (<see cref="Ambient"/>), as the runner
    /// does for a task on a host; the caller's scopes stay, but not a host, user, port, password or gateway they chose.
    /// </summary>
    private async Task<T> OnHostAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closing.Token);
        using var run = Ambient.Enter(_context);
        using var frame = Ambient.Enter(_frame);
        using var scope = Ambient.EnterScope(s => s with { Host = null, User = null, Port = null, Credentials = null, Gateway = null });
        return await operation(linked.Token).ConfigureAwait(false);
    }
}
