using Fabric.Engine.Transport;
using Fabric.Engine.Transport.SshNet;

namespace Fabric.Tests.Engine.Transport;

public sealed class OutputQueueTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Chunks_come_out_in_order_with_their_stream_then_null_once_complete()
    {
        var queue = new OutputQueue(1024);
        queue.Add(false, "out"u8);
        queue.Add(true, "err"u8);
        queue.Complete();

        var first = await queue.ReadAsync(CancellationToken.None);
        Assert.Equal((false, "out"), (first!.Value.IsStderr, System.Text.Encoding.ASCII.GetString(first.Value.Bytes.Span)));
        var second = await queue.ReadAsync(CancellationToken.None);
        Assert.Equal((true, "err"), (second!.Value.IsStderr, System.Text.Encoding.ASCII.GetString(second.Value.Bytes.Span)));
        Assert.Null(await queue.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_chunk_is_a_copy_so_the_senders_buffer_may_be_reused()
    {
        var queue = new OutputQueue(1024);
        var buffer = "abc"u8.ToArray();
        queue.Add(false, buffer);
        buffer[0] = (byte)'X';

        var chunk = await queue.ReadAsync(CancellationToken.None);

        Assert.Equal("abc"u8.ToArray(), chunk!.Value.Bytes.ToArray());
    }

    [Fact]
    public async Task The_writer_blocks_while_the_queue_is_full_until_the_reader_takes_a_chunk()
    {
        var queue = new OutputQueue(8);
        queue.Add(false, new byte[6]);
        var second = Task.Factory.StartNew(() => queue.Add(false, new byte[6]), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        await Task.Delay(200);
        Assert.False(second.IsCompleted);
        Assert.Equal(6, queue.QueuedBytes);
        await queue.ReadAsync(CancellationToken.None);
        await second.WaitAsync(Limit);

        Assert.Equal(6, queue.QueuedBytes);
    }

    [Fact]
    public async Task A_chunk_larger_than_the_capacity_goes_into_an_empty_queue()
    {
        var queue = new OutputQueue(4);

        await Task.Run(() => queue.Add(false, new byte[100])).WaitAsync(Limit);

        Assert.Equal(100, (await queue.ReadAsync(CancellationToken.None))!.Value.Bytes.Length);
    }

    [Fact]
    public async Task Discard_unblocks_a_waiting_writer_and_drops_later_output()
    {
        var queue = new OutputQueue(4);
        queue.Add(false, new byte[4]);
        var blocked = Task.Factory.StartNew(() => queue.Add(false, new byte[4]), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        queue.Discard();
        await blocked.WaitAsync(Limit);
        queue.Add(false, new byte[4]);

        Assert.Equal(0, queue.QueuedBytes);
        Assert.Null(await queue.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_failure_comes_after_what_was_queued_before_it_and_again_on_each_read()
    {
        var queue = new OutputQueue(1024);
        queue.Add(false, "x"u8);
        queue.Fail(new ConnectionLostException("gone"));
        queue.Complete();

        Assert.NotNull(await queue.ReadAsync(CancellationToken.None));
        await Assert.ThrowsAsync<ConnectionLostException>(async () => await queue.ReadAsync(CancellationToken.None));
        await Assert.ThrowsAsync<ConnectionLostException>(async () => await queue.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_waiting_reader_wakes_when_output_comes_and_its_cancellation_is_honoured()
    {
        var queue = new OutputQueue(1024);
        var waiting = queue.ReadAsync(CancellationToken.None).AsTask();
        using var cancel = new CancellationTokenSource();
        var cancelled = queue.ReadAsync(cancel.Token).AsTask();

        await cancel.CancelAsync();
        queue.Add(true, "late"u8);

        Assert.True((await waiting.WaitAsync(Limit))!.Value.IsStderr);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Limit));
    }
}
