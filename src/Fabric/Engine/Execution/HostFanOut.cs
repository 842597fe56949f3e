namespace Fabric.Engine.Execution;

/// <summary>
/// Runs one task's executions on its hosts with at most a pool size of them in flight: hosts start in list order;
/// once one fails, the ones already running finish and no further host starts. With a pool of one this is the
/// serial, fail-fast loop. In a pool of several, each execution starts on a thread of its own, so that task code that
/// blocks (the synchronous <c>Run</c>) holds no thread of the shared pool that SSH I/O completes on; and the shared
/// pool is given a thread for each execution in flight before they start, because SSH.NET's connect blocks one of its
/// threads while it waits for the server's key exchange and the runtime adds threads only about one a second
/// (measured: 50 hosts in parallel took 2.1–2.3 s with 0.8 s of CPU; 1.1 s with the threads there from the start).
/// </summary>
internal static class HostFanOut
{
    /// <summary>
    /// Runs <paramref name="execute"/> for each host; never throws for a host's failure (see the outcomes).
    /// <paramref name="starting"/> is called for each host as it starts, one after another in list order.
    /// </summary>
    /// <returns>One outcome per host, in the order of <paramref name="hosts"/>.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (after the running hosts ended).</exception>
    public static async Task<IReadOnlyList<HostOutcome<TResult>>> RunAsync<THost, TResult>(
        IReadOnlyList<THost> hosts, int poolSize, Func<THost, Task<TResult>> execute, CancellationToken cancellationToken, Action<THost>? starting = null)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        ArgumentNullException.ThrowIfNull(execute);
        ArgumentOutOfRangeException.ThrowIfLessThan(poolSize, 1);
        if (poolSize > 1)
        {
            EnsureThreads(poolSize + System.Environment.ProcessorCount);
        }

        var outcomes = new HostOutcome<TResult>[hosts.Count];
        Array.Fill(outcomes, HostOutcome<TResult>.NotStarted);
        using var pool = new SemaphoreSlim(poolSize, poolSize);
        var running = new List<Task>(hosts.Count);
        var failed = 0;
        try
        {
            for (var i = 0; i < hosts.Count; i++)
            {
                await pool.WaitAsync(cancellationToken).ConfigureAwait(false);
                if (Volatile.Read(ref failed) != 0)
                {
                    pool.Release();
                    break;
                }

                starting?.Invoke(hosts[i]);
                running.Add(RunOneAsync(i));
            }
        }
        finally
        {
            await Task.WhenAll(running).ConfigureAwait(false);
        }

        return outcomes;

        // Marks the failure on the failing execution's own thread, before its slot is given back, so that no host
        // finishing at the same moment lets a new one start in the meantime.
        async Task<TResult> ExecuteMarkingFailureAsync(THost host)
        {
            try
            {
                return await execute(host).ConfigureAwait(false);
            }
            catch
            {
                Volatile.Write(ref failed, 1);
                throw;
            }
        }

        async Task RunOneAsync(int index)
        {
            try
            {
                var host = hosts[index];
                var result = poolSize == 1
                    ? await execute(host).ConfigureAwait(false)
                    : await Task.Factory.StartNew(() => ExecuteMarkingFailureAsync(host), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)
                        .Unwrap().ConfigureAwait(false);
                outcomes[index] = new HostOutcome<TResult>(true, result, null);
            }
#pragma warning disable CA1031 // Every failure is the host's outcome; the caller decides what it means.
            catch (Exception e)
#pragma warning restore CA1031
            {
                outcomes[index] = new HostOutcome<TResult>(true, default, e);
                Volatile.Write(ref failed, 1);
            }
            finally
            {
                pool.Release();
            }
        }
    }

    /// <summary>Raises the thread pool's minimum of worker threads to <paramref name="threads"/> (never lowers it).</summary>
    private static void EnsureThreads(int threads)
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        if (workers < threads)
        {
            ThreadPool.SetMinThreads(Math.Min(threads, 1024), completionPorts);
        }
    }
}
