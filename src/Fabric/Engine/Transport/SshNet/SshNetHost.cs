using System.Net.Sockets;
using Fabric.Engine.Ssh;
using Fabric.Engine.Transport.Sftp;
using Renci.SshNet.Common;

namespace Fabric.Engine.Transport.SshNet;

/// <summary>
/// A host's open connection as the operations see it (<see cref="IRemoteHost"/>): commands on channels of their own, within
/// what the server allows at once (<see cref="ChannelLimit"/>): a channel the server refuses waits for one of ours to close;
/// on a server that allows one session per connection (tinysshd) each later channel goes over a fresh connection with the
/// same settings, which must show the same host key; a server that refuses every session is reported as such.
/// </summary>
internal sealed class SshNetHost(ConnectionCache cache, SshConnection connection) : IRemoteHost
{
    /// <summary>How long to wait before asking again when the server refused a channel just after one of ours closed.</summary>
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(100);

    /// <summary>How many channels in a row the server may close before a command starts on one, before we give up.</summary>
    private const int MaxClosedBeforeStart = 5;

    private readonly Lock _gate = new();
    private readonly List<SftpFiles> _files = [];
    private SshNetSession? _session;

    public SshConnection Connection { get; } = connection;

    public ConnectionTarget Target => Connection.Target;

    public SudoState Sudo => Connection.Sudo;

    public bool IsConnected => Connection.IsConnected;

    /// <summary>The main connection's channels; made on first use.</summary>
    private SshNetSession Session
    {
        get
        {
            lock (_gate)
            {
                return _session ??= new SshNetSession(Connection.Client, SshConnection.MaxChannels);
            }
        }
    }

    public async Task<IRemoteCommand> StartAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var session = Session;
        var closedBeforeStart = 0;
        while (true)
        {
            await session.Slots.TakeAsync(cancellationToken, YieldIdleFiles).ConfigureAwait(false);
            if (session.Slots.OneSessionPerConnection)
            {
                return await StartOnFreshConnectionAsync(session, request, cancellationToken).ConfigureAwait(false);
            }

            SshRemoteCommand? command;
            ChannelRefusal refusal;
            try
            {
                (command, refusal) = await session.StartAsync(request, Target.Display, owned: null, cancellationToken).ConfigureAwait(false);
            }
            catch (ConnectionLostException) when (session.Slots.LostWhenIdle())
            {
                cache.Debug(Target, "the server closed the connection after its one session: each later command opens a connection of its own");
                continue;
            }

            if (command is not null)
            {
                return command;
            }

            switch (refusal)
            {
                case ChannelRefusal.WaitForClose:
                    YieldIdleFiles();
                    cache.Debug(Target, $"the server refused a session: it allows {session.Slots.Limit} at once on one connection; waiting for one of ours to close");
                    break;
                case ChannelRefusal.RetrySoon:
                    await Task.Delay(RetryPause, cancellationToken).ConfigureAwait(false);
                    break;
                case ChannelRefusal.ClosedBeforeStart when ++closedBeforeStart < MaxClosedBeforeStart:
                    cache.Debug(Target, "the server closed a new channel before the command started; asking again");
                    break;
                case ChannelRefusal.ClosedBeforeStart:
                    throw new ConnectionLostException($"the server closed {MaxClosedBeforeStart} new channels in a row before the command started");
                case ChannelRefusal.FreshConnection:
                    cache.Debug(Target, "the server allows one session per connection: each later command opens a connection of its own");
                    break;
                default:
                    throw new AbortException(
                        $"{Target.Display} refuses every session: no command can run there (OpenSSH does this with MaxSessions 0 in its sshd_config).");
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="request"/> over a connection of its own (a slot of the main one taken): closed, and the slot
    /// freed, when the command is disposed.
    /// </summary>
    private async Task<IRemoteCommand> StartOnFreshConnectionAsync(SshNetSession main, CommandRequest request, CancellationToken cancellationToken)
    {
        FreshConnection? fresh = null;
        try
        {
            var connection = await SshConnector.ConnectSameAsync(cache, Connection, cancellationToken).ConfigureAwait(false);
            fresh = new FreshConnection(connection, new SshNetSession(connection.Client, 1), main);
            await fresh.Session.Slots.TakeAsync(cancellationToken).ConfigureAwait(false);
            var (command, _) = await fresh.Session.StartAsync(request, Target.Display, fresh, cancellationToken).ConfigureAwait(false);
            return command ?? throw new AbortException($"{Target.Display} refused a session on a new connection too: no command can run there now.");
        }
        catch (Exception e) when (e is SshException or SocketException or IOException)
        {
            Dispose(fresh, main);
            throw new ConnectionLostException($"could not open another connection: {e.Message.TrimEnd('.')}", e);
        }
        catch
        {
            Dispose(fresh, main);
            throw;
        }

        static void Dispose(FreshConnection? fresh, SshNetSession main)
        {
            if (fresh is null)
            {
                main.Slots.Release();
            }
            else
            {
                fresh.Dispose();
            }
        }
    }

    /// <summary>
    /// SFTP as a channel of this connection (the <c>sftp</c> subsystem): no second login. Null, with the reason in
    /// a debug line, when the server has no SFTP subsystem or what it starts does not speak SFTP (a <c>nologin</c>
    /// shell in front of an external <c>sftp-server</c>).
    /// </summary>
    public async Task<IRemoteFiles?> FilesAsync(CancellationToken cancellationToken)
    {
        var files = new SftpFiles(OpenSftpAsync);
        lock (_gate)
        {
            _files.Add(files);
        }

        files.Disposed = () =>
        {
            lock (_gate)
            {
                _files.Remove(files);
            }
        };
        try
        {
            var channel = await files.ConnectAsync(cancellationToken).ConfigureAwait(false);
            if (channel.NoiseSkipped > 0)
            {
                cache.Debug(Target, $"the login shell printed {channel.NoiseSkipped} bytes before the SFTP server started: skipped");
            }

            return files;
        }
        catch (Exception e) when (e is SubsystemUnavailableException or RemoteFileException)
        {
            await files.DisposeAsync().ConfigureAwait(false);
            cache.Debug(Target, $"no SFTP ({e.Message}): transfers use POSIX commands on exec channels");
            return null;
        }
        catch
        {
            await files.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task<SftpChannel> OpenSftpAsync(CancellationToken cancellationToken)
    {
        var command = await StartAsync(new CommandRequest(null) { Subsystem = "sftp" }, cancellationToken).ConfigureAwait(false);
        return await SftpChannel.StartAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A channel must wait for a place (the server allows no more at once): SFTP channels that are idle give theirs up.</summary>
    private void YieldIdleFiles()
    {
        SftpFiles[] files;
        lock (_gate)
        {
            files = [.. _files];
        }

        foreach (var f in files)
        {
            f.YieldWhenIdle();
        }
    }

    /// <summary>A connection opened for one command on a one-session server: closing it frees the main connection's slot.</summary>
    private sealed class FreshConnection(SshConnection connection, SshNetSession session, SshNetSession main) : IDisposable
    {
        private int _disposed;

        public SshNetSession Session { get; } = session;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Session.Dispose();
                connection.Dispose();
                main.Slots.Release();
            }
        }
    }
}
