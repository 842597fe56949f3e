using System.Security.Cryptography;
using Fabric.Engine.Transfers;

namespace Fabric.Tests.Engine.Transfers;

public class TransferStreamTests
{
    private static readonly byte[] Bytes = RandomBytes(3 * 1024 * 1024 + 17);

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        new Random(7).NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public async Task Reading_through_it_hashes_every_byte_and_reports_the_running_count()
    {
        var reports = new List<long>();
        await using var stream = new TransferStream(new MemoryStream(Bytes), reports.Add);

        await stream.CopyToAsync(Stream.Null, 64 * 1024);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Bytes)), stream.Sha256());
        Assert.Equal(Bytes.Length, reports[^1]);
        Assert.True(reports.SequenceEqual(reports.Order()), "the count only grows");
    }

    [Fact]
    public async Task Writing_through_it_hashes_what_reaches_the_file()
    {
        var file = new MemoryStream();
        await using var stream = new TransferStream(file);

        foreach (var chunk in Bytes.Chunk(100_000))
        {
            await stream.WriteAsync(chunk);
        }

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(file.ToArray())), stream.Sha256());
        Assert.Equal(Bytes.Length, stream.Count);
    }

    [Fact]
    public void A_rewind_to_the_start_starts_the_hash_again()
    {
        using var stream = new TransferStream(new MemoryStream(Bytes));
        stream.ReadExactly(new byte[1000]);

        stream.Position = 0;
        stream.CopyTo(Stream.Null);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Bytes)), stream.Sha256());
        Assert.Equal(Bytes.Length, stream.Count);
    }

    [Fact]
    public void A_seek_that_would_skip_bytes_is_refused()
    {
        using var stream = new TransferStream(new MemoryStream(Bytes));

        Assert.Throws<NotSupportedException>(() => stream.Seek(10, SeekOrigin.Begin));
    }

    [Fact]
    public void Made_not_to_hash_it_only_counts()
    {
        using var stream = new TransferStream(new MemoryStream(Bytes), hash: false);

        stream.CopyTo(Stream.Null);

        Assert.Equal(Bytes.Length, stream.Count);
        Assert.Throws<InvalidOperationException>(() => stream.Sha256());
    }
}
