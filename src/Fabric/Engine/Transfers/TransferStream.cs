using System.Security.Cryptography;

namespace Fabric.Engine.Transfers;

/// <summary>
/// The local end of one transfer: a forward-only stream over the local file that hashes (SHA-256) every byte read
/// from it (upload) or written to it (download) as it passes, and reports the running count, so the file is never
/// read a second time to check it. Rewinding to the start (a caller that sends the file again) starts
/// the hash and the count again. Disposing it disposes the file's stream. Without <paramref name="hash"/> it only counts.
/// </summary>
internal sealed class TransferStream(Stream inner, Action<long>? progress = null, bool hash = true) : Stream
{
    private IncrementalHash? _hash = hash ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
    private long _count;

    /// <summary>The bytes that have passed so far.</summary>
    public long Count => _count;

    /// <summary>The SHA-256 of the bytes that have passed, in lower-case hex.</summary>
    /// <exception cref="InvalidOperationException">The stream was made not to hash.</exception>
    public string Sha256() => _hash is null
        ? throw new InvalidOperationException("This transfer stream does not hash.")
        : Convert.ToHexStringLower(_hash.GetCurrentHash());

    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => inner.CanWrite;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Passed(buffer[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Passed(buffer.Span[..read]);
        return read;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        inner.Write(buffer);
        Passed(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        Passed(buffer.Span);
    }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    /// <summary>Only a rewind to the start (which starts the hash again) or a seek to where the stream already is.</summary>
    public override long Seek(long offset, SeekOrigin origin)
    {
        var to = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => inner.Position + offset,
            _ => inner.Length + offset,
        };
        if (to == 0)
        {
            if (_hash is not null)
            {
                _hash.Dispose();
                _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            }

            _count = 0;
        }
        else if (to != inner.Position)
        {
            throw new NotSupportedException("A transfer stream only moves forward, or back to its start.");
        }

        return inner.Seek(to, SeekOrigin.Begin);
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash?.Dispose();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        _hash?.Dispose();
        await inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    private void Passed(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0)
        {
            return;
        }

        _hash?.AppendData(bytes);
        _count += bytes.Length;
        progress?.Invoke(_count);
    }
}
