using System.Diagnostics;
using System.Globalization;
using Fabric.Engine.Execution;
using Fabric.Engine.Ssh;
using Fabric.Engine.Transport;

/// <summary>
/// A command's output read through the transport as fast as it comes, or slowly: how long it takes, and how much memory
/// the process needed at most (VmHWM), sampled as it goes so that a reader that holds the server back shows a flat line.
/// </summary>
internal static class StreamBench
{
    public static async Task RunAsync(RunContext context, ConnectionTarget target, long bytes, int pauseMs)
    {
        var host = await ((IRemoteHosts)context.Connections).GetAsync(target, CancellationToken.None);
        var clock = Stopwatch.StartNew();
        await using var command = await host.StartAsync(new CommandRequest($"head -c {bytes} /dev/zero"), CancellationToken.None);
        command.CloseInput();
        long read = 0, nextReport = 1L << 28;
        while (await command.ReadAsync(CancellationToken.None) is { } chunk)
        {
            read += chunk.Bytes.Length;
            if (pauseMs > 0)
            {
                await Task.Delay(pauseMs);
            }

            if (read >= nextReport)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {read >> 20} MiB read after {clock.Elapsed.TotalSeconds:0.0} s, peak memory so far {PeakMiB()} MiB"));
                nextReport += 1L << 28;
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"read {read} bytes (exit {command.Exit?.Code}) in {seconds:0.00} s = {read / seconds / 1e6:0} MB/s; peak memory {PeakMiB()} MiB"));
    }

    private static long PeakMiB() => Process.GetCurrentProcess().PeakWorkingSet64 >> 20;
}
