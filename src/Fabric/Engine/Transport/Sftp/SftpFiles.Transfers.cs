using System.Buffers;
using System.Buffers.Binary;
using static Fabric.Engine.Transport.Sftp.SftpReplies;

namespace Fabric.Engine.Transport.Sftp;

/// <summary>Pipelined reads and writes: many requests in flight, so that the round trips overlap (as OpenSSH's sftp does).</summary>
internal sealed partial class SftpFiles
{
    /// <summary>What every SFTP server must take (the protocol's draft says 32 KB).</summary>
    private const int SafeSize = 32 * 1024;

    /// <summary>The largest request made even when the server takes more: OpenSSH's server takes 255 KB.</summary>
    private const int LargestSize = 255 * 1024;

    /// <summary>Bytes in flight at once: enough to cover the round trips on loopback and on a LAN without flooding a slow link.</summary>
    private const int InFlight = 2 * 1024 * 1024;

    public Task DownloadAsync(string path, Stream to, CancellationToken cancellationToken) => UseAsync(
        async c =>
        {
            var size = (await LimitsAsync(c, cancellationToken).ConfigureAwait(false)).Read;
            var handle = await OpenHandleAsync(c, SftpCodes.Open, w => w.String(path).UInt32(SftpCodes.OpenRead).Attributes(null), cancellationToken).ConfigureAwait(false);
            try
            {
                await ReadAllAsync(c, handle, size, to, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await CloseHandleAsync(c, handle, CancellationToken.None).ConfigureAwait(false);
            }
        },
        cancellationToken);

    /// <summary>
    /// Reads to the end of the file with requests in flight; a reply shorter than asked (the server may cut a read) drops
    /// those in flight and goes on from where it ended, so the bytes are written in order, once.
    /// </summary>
    private static async Task ReadAllAsync(SftpChannel c, byte[] handle, int size, Stream to, CancellationToken cancellationToken)
    {
        var depth = Math.Clamp(InFlight / size, 2, 64);
        var queue = new Queue<(long Offset, Task<SftpReply> Reply)>();
        long requested = 0;
        var eof = false;
        try
        {
            while (true)
            {
                while (!eof && queue.Count < depth)
                {
                    var offset = requested;
                    queue.Enqueue((offset, c.RequestAsync(SftpCodes.Read, w => w.Bytes(handle).UInt64((ulong)offset).UInt32((uint)size), cancellationToken)));
                    requested += size;
                }

                if (queue.Count == 0)
                {
                    return;
                }

                var (at, task) = queue.Dequeue();
                var reply = await task.ConfigureAwait(false);
                if (reply.Type == SftpCodes.Status && reply.Reader().UInt32() == SftpCodes.Eof)
                {
                    eof = true;
                    continue;
                }

                var data = Expect(reply, SftpCodes.Data).Segment();
                await to.WriteAsync(data, cancellationToken).ConfigureAwait(false);
                reply.Release();
                if (data.Count < size && !eof)
                {
                    await DrainAsync(queue).ConfigureAwait(false);
                    requested = at + data.Count;
                }
            }
        }
        finally
        {
            await DrainAsync(queue).ConfigureAwait(false);
        }
    }

    public Task UploadAsync(Stream from, string path, int? createMode, CancellationToken cancellationToken) => UseAsync(
        async c =>
        {
            var size = (await LimitsAsync(c, cancellationToken).ConfigureAwait(false)).Write;
            var flags = SftpCodes.OpenWrite | SftpCodes.OpenCreate | SftpCodes.OpenExclusive;
            var handle = await OpenHandleAsync(c, SftpCodes.Open, w => w.String(path).UInt32(flags).Attributes(createMode), cancellationToken).ConfigureAwait(false);
            var closed = false;
            try
            {
                await WriteAllAsync(c, handle, size, from, cancellationToken).ConfigureAwait(false);
                closed = true;
                ExpectOk(await c.RequestAsync(SftpCodes.Close, w => w.Bytes(handle), cancellationToken).ConfigureAwait(false));
            }
            finally
            {
                if (!closed)
                {
                    await CloseHandleAsync(c, handle, CancellationToken.None).ConfigureAwait(false);
                }
            }
        },
        cancellationToken);

    /// <summary>Writes the whole stream with requests in flight; the first refusal stops it (the server's reason thrown).</summary>
    private static async Task WriteAllAsync(SftpChannel c, byte[] handle, int size, Stream from, CancellationToken cancellationToken)
    {
        var depth = Math.Clamp(InFlight / size, 2, 64);
        var queue = new Queue<Task<SftpReply>>();
        try
        {
            long offset = 0;
            var header = 9 + 4 + handle.Length + 8 + 4;
            while (true)
            {
                // The file is read straight into the packet (a pooled array: no large allocation per write).
                var packet = ArrayPool<byte>.Shared.Rent(header + size);
                var read = await from.ReadAtLeastAsync(packet.AsMemory(header, size), size, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    ArrayPool<byte>.Shared.Return(packet);
                    break;
                }

                BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(9), (uint)handle.Length);
                handle.CopyTo(packet, 13);
                BinaryPrimitives.WriteUInt64BigEndian(packet.AsSpan(13 + handle.Length), (ulong)offset);
                BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(21 + handle.Length), (uint)read);
                queue.Enqueue(c.RequestPooledAsync(SftpCodes.Write, packet, header + read, cancellationToken));
                offset += read;
                if (queue.Count >= depth)
                {
                    ExpectOk(await queue.Dequeue().ConfigureAwait(false));
                }
            }

            while (queue.Count > 0)
            {
                ExpectOk(await queue.Dequeue().ConfigureAwait(false));
            }
        }
        finally
        {
            await DrainAsync(queue.Select(t => (0L, t))).ConfigureAwait(false);
        }
    }

    /// <summary>Waits out requests whose replies no longer matter, so none is left unobserved.</summary>
    private static async Task DrainAsync(IEnumerable<(long, Task<SftpReply> Reply)> pending)
    {
        foreach (var (_, reply) in pending.ToList())
        {
            try
            {
                await reply.ConfigureAwait(false);
            }
            catch (Exception e) when (e is RemoteFileException or ConnectionLostException or OperationCanceledException)
            {
            }
        }

        if (pending is Queue<(long, Task<SftpReply>)> queue)
        {
            queue.Clear();
        }
    }

    /// <summary>The sizes of reads and writes: what OpenSSH's <c>limits@openssh.com</c> says, at most 255 KB; else 32 KB.</summary>
    private static async Task<(int Read, int Write)> LimitsAsync(SftpChannel c, CancellationToken cancellationToken)
    {
        if (c.Limits is { } known)
        {
            return known;
        }

        var limits = (SafeSize, SafeSize);
        if (c.Extensions.ContainsKey("limits@openssh.com"))
        {
            var reply = await c.RequestAsync(SftpCodes.Extended, w => w.String("limits@openssh.com"), cancellationToken).ConfigureAwait(false);
            if (reply.Type == SftpCodes.ExtendedReply)
            {
                var reader = reply.Reader();
                reader.UInt64(); // packet length
                var read = reader.UInt64();
                var write = reader.UInt64();
                limits = (Size(read), Size(write));
            }
        }

        c.Limits = limits;
        return limits;

        static int Size(ulong limit) => limit == 0 ? SafeSize : (int)Math.Min(Math.Max(limit, (ulong)SafeSize), (ulong)LargestSize);
    }
}
