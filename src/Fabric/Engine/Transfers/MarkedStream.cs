using System.Text;

namespace Fabric.Engine.Transfers;

/// <summary>
/// A command's stdout on its way to <paramref name="inner"/>: everything up to and including the first
/// <paramref name="marker"/> is dropped (what a login shell printed before the command started), the rest passes.
/// Disposing it does not dispose <paramref name="inner"/>.
/// </summary>
internal sealed class MarkedStream(Stream inner, string marker) : Stream
{
    /// <summary>Output before the marker that is kept at most, to find the marker in: a shell's greeting, not a file.</summary>
    private const int MaxBefore = 1024 * 1024;

    private readonly byte[] _marker = Encoding.UTF8.GetBytes(marker);
    private MemoryStream? _before = new();

    /// <summary>The marker came: what follows it is the command's.</summary>
    public bool Found => _before is null;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_before is null)
        {
            await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (_before.Length < MaxBefore)
        {
            _before.Write(buffer.Span);
        }

        var seen = _before.GetBuffer().AsMemory(0, (int)_before.Length);
        var at = seen.Span.IndexOf(_marker);
        if (at >= 0)
        {
            _before = null;
            await inner.WriteAsync(seen[(at + _marker.Length)..], cancellationToken).ConfigureAwait(false);
        }
    }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
