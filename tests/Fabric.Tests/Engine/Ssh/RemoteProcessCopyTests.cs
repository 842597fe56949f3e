using Fabric.Engine.Ssh;

namespace Fabric.Tests.Engine.Ssh;

/// <summary>How a command's stdin is fed: all of it, or up to the command's refusal, and always so that EOF can follow.</summary>
public sealed class RemoteProcessCopyTests
{
    [Fact]
    public void Stdin_is_copied_whole_when_the_command_takes_it()
    {
        var source = new byte[600 * 1024];
        new Random(7).NextBytes(source);
        using var stdin = new MemoryStream();

        RemoteProcess.Copy(new MemoryStream(source), stdin, () => false, CancellationToken.None);

        Assert.Equal(source, stdin.ToArray());
    }

    [Fact]
    public void Copying_stops_at_the_chunk_after_the_command_refuses_the_rest()
    {
        using var stdin = new MemoryStream();
        var chunks = 0;

        RemoteProcess.Copy(new MemoryStream(new byte[4 * 1024 * 1024]), new CountingStream(stdin, () => chunks++), () => chunks >= 1, CancellationToken.None);

        Assert.Equal(1, chunks);
        Assert.True(stdin.Length < 4 * 1024 * 1024);
    }

    [Fact]
    public void A_command_that_refuses_before_anything_was_sent_still_gets_one_byte_so_that_its_stdin_can_end()
    {
        // SSH.NET sends EOF only for a stdin that something was written to; the refusing command drains stdin to its end.
        using var stdin = new MemoryStream();

        RemoteProcess.Copy(new MemoryStream(new byte[1024]), stdin, () => true, CancellationToken.None);

        Assert.Equal(1, stdin.Length);
    }

    private sealed class CountingStream(Stream inner, Action onWrite) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            onWrite();
        }
    }
}
