using System.Buffers.Binary;
using static Fabric.Engine.Transport.Sftp.SftpReplies;

namespace Fabric.Engine.Transport.Sftp;

/// <summary>
/// A host's files over SFTP on a channel of its connection (<see cref="SftpChannel"/>). The channel is opened by
/// <c>open</c> and, when the server wants its place for another channel (<see cref="YieldWhenIdle"/>: a server with
/// <c>MaxSessions 1</c>), closed between operations and opened again by the next one, so an exec channel is never kept
/// waiting for it.
/// </summary>
internal sealed partial class SftpFiles(Func<CancellationToken, Task<SftpChannel>> open) : IRemoteFiles
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _useLock = new();
    private SftpChannel? _channel;
    private int _busy;
    private bool _yield;
    private bool _disposed;

    public string Kind => "SFTP";

    /// <summary>Called once the channel is closed for good.</summary>
    public Action? Disposed { get; set; }

    /// <summary>Opens the channel now (to learn whether the server has SFTP at all).</summary>
    public async Task<SftpChannel> ConnectAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _channel ??= await open(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Closes the channel as soon as no operation uses it (the next one opens it again).</summary>
    public void YieldWhenIdle()
    {
        lock (_useLock)
        {
            // A use that is opening the channel right now counts too: it must close it once done, or the waiter that
            // lost the freed place to it would wait for good (a Get's hash command did, under MaxSessions 1).
            if (_channel is null && _busy == 0)
            {
                return;
            }

            _yield = true;
            if (_busy > 0)
            {
                return;
            }
        }

        _ = CloseIdleAsync();
    }

    private async Task CloseIdleAsync()
    {
        SftpChannel? channel;
        lock (_useLock)
        {
            if (_busy > 0 || !_yield)
            {
                return;
            }

            (channel, _channel, _yield) = (_channel, null, false);
        }

        if (channel is not null)
        {
            await channel.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Runs <paramref name="operation"/> on the channel, opened if it is not.</summary>
    private async Task<T> UseAsync<T>(Func<SftpChannel, Task<T>> operation, CancellationToken cancellationToken)
    {
        lock (_useLock)
        {
            _busy++;
        }

        try
        {
            var channel = await ConnectAsync(cancellationToken).ConfigureAwait(false);
            return await operation(channel).ConfigureAwait(false);
        }
        finally
        {
            bool close;
            lock (_useLock)
            {
                close = --_busy == 0 && _yield;
            }

            if (close)
            {
                await CloseIdleAsync().ConfigureAwait(false);
            }
        }
    }

    private Task<bool> UseAsync(Func<SftpChannel, Task> operation, CancellationToken cancellationToken) =>
        UseAsync<bool>(async c => { await operation(c).ConfigureAwait(false); return true; }, cancellationToken);

    public Task<string> HomeAsync(CancellationToken cancellationToken) => UseAsync(
        async c =>
        {
            var reply = await c.RequestAsync(SftpCodes.RealPath, w => w.String("."), cancellationToken).ConfigureAwait(false);
            var reader = Expect(reply, SftpCodes.Name);
            return reader.UInt32() == 0 ? "/" : reader.String().Text;
        },
        cancellationToken);

    public Task<RemoteFileInfo?> StatAsync(string path, CancellationToken cancellationToken) =>
        UseAsync(c => StatAsync(c, path, cancellationToken), cancellationToken);

    private static async Task<RemoteFileInfo?> StatAsync(SftpChannel c, string path, CancellationToken cancellationToken)
    {
        var reply = await c.RequestAsync(SftpCodes.Stat, w => w.String(path), cancellationToken).ConfigureAwait(false);
        if (reply.Type == SftpCodes.Status && reply.Reader().UInt32() == SftpCodes.NoSuchFile)
        {
            return null;
        }

        return Info(Expect(reply, SftpCodes.Attrs).Attributes());
    }

    public Task<IReadOnlyList<RemoteEntry>> ListAsync(string folder, CancellationToken cancellationToken) => UseAsync(
        async c =>
        {
            var handle = await OpenHandleAsync(c, SftpCodes.OpenDir, w => w.String(folder), cancellationToken).ConfigureAwait(false);
            var entries = new List<RemoteEntry>();
            try
            {
                while (true)
                {
                    var reply = await c.RequestAsync(SftpCodes.ReadDir, w => w.Bytes(handle), cancellationToken).ConfigureAwait(false);
                    if (reply.Type == SftpCodes.Status && reply.Reader().UInt32() == SftpCodes.Eof)
                    {
                        break;
                    }

                    await ReadNamesAsync(c, folder, Expect(reply, SftpCodes.Name), entries, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                await CloseHandleAsync(c, handle, CancellationToken.None).ConfigureAwait(false);
            }

            return (IReadOnlyList<RemoteEntry>)entries;
        },
        cancellationToken);

    /// <summary>The entries of one <c>READDIR</c> reply; a symbolic link is described by what it points to.</summary>
    private static async Task ReadNamesAsync(SftpChannel c, string folder, SftpReader reader, List<RemoteEntry> entries, CancellationToken cancellationToken)
    {
        var count = reader.UInt32();
        for (var i = 0; i < count; i++)
        {
            var (name, valid) = reader.String();
            reader.Bytes(); // The long name: ls -l text, for people.
            var (size, permissions) = reader.Attributes();
            if (name is "." or "..")
            {
                continue;
            }

            var info = Info((size, permissions));
            if ((permissions & 0xF000) == 0xA000 && valid)
            {
                info = await StatAsync(c, folder.TrimEnd('/') + "/" + name, cancellationToken).ConfigureAwait(false);
            }

            entries.Add(new RemoteEntry(name, info, NotUtf8: !valid));
        }
    }

    public Task SetModeAsync(string path, int mode, CancellationToken cancellationToken) => UseAsync(
        async c => ExpectOk(await c.RequestAsync(SftpCodes.SetStat, w => w.String(path).Attributes(mode), cancellationToken).ConfigureAwait(false)),
        cancellationToken);

    /// <summary>With OpenSSH's <c>posix-rename</c> extension, one atomic rename over the target; else SFTP's rename, which refuses an existing target: that is removed first.</summary>
    public Task RenameAsync(string from, string to, CancellationToken cancellationToken) => UseAsync(
        async c =>
        {
            if (c.Extensions.ContainsKey("posix-rename@openssh.com"))
            {
                ExpectOk(await c.RequestAsync(SftpCodes.Extended, w => w.String("posix-rename@openssh.com").String(from).String(to), cancellationToken).ConfigureAwait(false));
                return;
            }

            var reply = await c.RequestAsync(SftpCodes.Rename, w => w.String(from).String(to), cancellationToken).ConfigureAwait(false);
            if (reply.Type == SftpCodes.Status && reply.Reader().UInt32() != SftpCodes.Ok && await StatAsync(c, to, cancellationToken).ConfigureAwait(false) is not null)
            {
                ExpectOk(await c.RequestAsync(SftpCodes.Remove, w => w.String(to), cancellationToken).ConfigureAwait(false));
                reply = await c.RequestAsync(SftpCodes.Rename, w => w.String(from).String(to), cancellationToken).ConfigureAwait(false);
            }

            ExpectOk(reply);
        },
        cancellationToken);

    public Task RemoveAsync(string path, CancellationToken cancellationToken) => UseAsync(
        async c => ExpectOk(await c.RequestAsync(SftpCodes.Remove, w => w.String(path), cancellationToken).ConfigureAwait(false)),
        cancellationToken);

    public Task MakeDirectoryAsync(string path, int? mode, CancellationToken cancellationToken) => UseAsync(
        async c => ExpectOk(await c.RequestAsync(SftpCodes.MkDir, w => w.String(path).Attributes(mode), cancellationToken).ConfigureAwait(false)),
        cancellationToken);

    public Task RemoveDirectoryAsync(string path, CancellationToken cancellationToken) => UseAsync(
        async c => ExpectOk(await c.RequestAsync(SftpCodes.RmDir, w => w.String(path), cancellationToken).ConfigureAwait(false)),
        cancellationToken);

    private static async Task<byte[]> OpenHandleAsync(SftpChannel c, byte type, Action<SftpWriter> body, CancellationToken cancellationToken)
    {
        var reply = await c.RequestAsync(type, body, cancellationToken).ConfigureAwait(false);
        return Expect(reply, SftpCodes.Handle).Bytes().ToArray();
    }

    /// <summary>Closes a handle; a failure to close is the caller's to see only on a write (it says the data did not land).</summary>
    private static async Task<SftpReply?> CloseHandleAsync(SftpChannel c, byte[] handle, CancellationToken cancellationToken)
    {
        try
        {
            return await c.RequestAsync(SftpCodes.Close, w => w.Bytes(handle), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RemoteFileException or ConnectionLostException or OperationCanceledException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        SftpChannel? channel;
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            (channel, _channel, _disposed) = (_channel, null, true);
        }
        finally
        {
            _gate.Release();
        }

        if (channel is not null)
        {
            await channel.DisposeAsync().ConfigureAwait(false);
        }

        Disposed?.Invoke();
    }
}
