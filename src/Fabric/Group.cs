using Fabric.Engine.Execution;

namespace Fabric;

/// <summary>
/// Many hosts at once, as Fabric 2's <c>ThreadingGroup</c>: one <see cref="Connection"/> per host, all with the same options,
/// and operations that run on every host in parallel, at most <see cref="PoolSize"/> at a time, hosts starting in order.
/// <code>
/// await using var web = new Group(["web1", "web2", "web3"], new ConnectionOptions { User = "deploy" }, poolSize: 10);
/// var uptimes = await web.RunAsync("uptime");
/// foreach (var host in uptimes.Failed) Console.Error.WriteLine(host.Error);
/// </code>
/// A failure on one host never stops the others: each operation returns a <see cref="GroupResult{T}"/> with a value or a
/// readable error per host, and throws only when asked to (<c>throwOnFailure: true</c>, or <see cref="GroupResult{T}.ThrowIfAnyFailed"/>).
/// Disposing it closes every connection it opened.
/// </summary>
public sealed class Group : IAsyncDisposable, IDisposable
{
    private int _disposed;

    /// <summary>A group of <paramref name="hosts"/>; nothing is opened until the first operation.</summary>
    /// <param name="hosts">Host strings, <c>[user@]host[:port]</c>, each at most once.</param>
    /// <param name="options">How to log in and what to show, for every host; null: the defaults. Output lines of all hosts go to one writer, whole lines at a time.</param>
    /// <param name="poolSize">How many hosts an operation runs on at once; null: all of them.</param>
    /// <exception cref="ArgumentException">A host string or an option is invalid, a host is listed twice, or the pool size is less than 1.</exception>
    public Group(IEnumerable<string> hosts, ConnectionOptions? options = null, int? poolSize = null)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        var parsed = hosts.Select(Connection.ParseHost).ToList();
        if (parsed.GroupBy(h => h.Original, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"Host '{twice.Key}' is listed twice: each host of a group is one connection.", nameof(hosts));
        }

        if (poolSize is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(poolSize), poolSize, "The pool size must be at least 1 (null: all hosts at once).");
        }

        Options = options ?? new ConnectionOptions();
        Options.Validate();
        PoolSize = poolSize ?? Math.Max(parsed.Count, 1);
        var output = Connection.SinkFor(Options.Output);
        Connections = [.. parsed.Select(h => new Connection(h, Options, output))];
    }

    /// <summary>The hosts' connections, in the order given.</summary>
    public IReadOnlyList<Connection> Connections { get; }

    /// <summary>The options every connection was made with.</summary>
    public ConnectionOptions Options { get; }

    /// <summary>How many hosts an operation runs on at once.</summary>
    public int PoolSize { get; }

    /// <summary>Runs <paramref name="command"/> on every host (see <see cref="Connection.Run"/>).</summary>
    /// <param name="command">The command line, in the remote shell's syntax.</param>
    /// <param name="warnOnly">True: a non-zero exit is a success whose <see cref="CommandResult.Failed"/> is true; null: <see cref="ConnectionOptions.WarnOnly"/>.</param>
    /// <param name="throwOnFailure">True: throw <see cref="GroupFailedException"/> after every host ended when any failed.</param>
    /// <returns>Each host's result or error.</returns>
    public GroupResult<CommandResult> Run(string command, bool? warnOnly = null, bool throwOnFailure = false) =>
        RunAsync(command, warnOnly, throwOnFailure).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="Run"/>.</summary>
    /// <param name="command">The command line, in the remote shell's syntax.</param>
    /// <param name="warnOnly">True: a non-zero exit is a success whose <see cref="CommandResult.Failed"/> is true; null: <see cref="ConnectionOptions.WarnOnly"/>.</param>
    /// <param name="throwOnFailure">True: throw <see cref="GroupFailedException"/> after every host ended when any failed.</param>
    /// <param name="cancellationToken">Stops every host's command; hosts not started yet do not start.</param>
    /// <returns>Each host's result or error.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (after the running hosts ended).</exception>
    public Task<GroupResult<CommandResult>> RunAsync(string command, bool? warnOnly = null, bool throwOnFailure = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(command);
        return ForEachAsync((c, token) => c.RunAsync(command, warnOnly, cancellationToken: token), throwOnFailure, cancellationToken);
    }

    /// <summary>Runs <paramref name="command"/> through sudo on every host (see <see cref="Connection.Sudo"/>).</summary>
    /// <param name="command">The command line, in the remote shell's syntax.</param>
    /// <param name="user">The user to run as (<c>sudo -u</c>); null: root.</param>
    /// <param name="warnOnly">True: a non-zero exit is a success whose <see cref="CommandResult.Failed"/> is true; null: <see cref="ConnectionOptions.WarnOnly"/>.</param>
    /// <param name="throwOnFailure">True: throw <see cref="GroupFailedException"/> after every host ended when any failed.</param>
    /// <returns>Each host's result or error.</returns>
    public GroupResult<CommandResult> Sudo(string command, string? user = null, bool? warnOnly = null, bool throwOnFailure = false) =>
        SudoAsync(command, user, warnOnly, throwOnFailure).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="Sudo"/>.</summary>
    /// <param name="command">The command line, in the remote shell's syntax.</param>
    /// <param name="user">The user to run as (<c>sudo -u</c>); null: root.</param>
    /// <param name="warnOnly">True: a non-zero exit is a success whose <see cref="CommandResult.Failed"/> is true; null: <see cref="ConnectionOptions.WarnOnly"/>.</param>
    /// <param name="throwOnFailure">True: throw <see cref="GroupFailedException"/> after every host ended when any failed.</param>
    /// <param name="cancellationToken">Stops every host's command; hosts not started yet do not start.</param>
    /// <returns>Each host's result or error.</returns>
    public Task<GroupResult<CommandResult>> SudoAsync(
        string command, string? user = null, bool? warnOnly = null, bool throwOnFailure = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(command);
        return ForEachAsync((c, token) => c.SudoAsync(command, user, warnOnly, cancellationToken: token), throwOnFailure, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="action"/> once per host with that host's connection, in parallel within the pool: anything a
    /// <see cref="Connection"/> does, in any order (<c>await c.PutAsync(…); return await c.RunAsync(…);</c>). An exception it
    /// throws is that host's failure (its message is the error); the other hosts go on.
    /// </summary>
    /// <typeparam name="T">What it returns.</typeparam>
    /// <param name="action">The work for one host; given the host's connection and <paramref name="cancellationToken"/>.</param>
    /// <param name="throwOnFailure">True: throw <see cref="GroupFailedException"/> after every host ended when any failed.</param>
    /// <param name="cancellationToken">Passed to each call; once cancelled, hosts not started yet do not start.</param>
    /// <returns>Each host's value or error, in the group's order.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (after the running hosts ended).</exception>
    /// <exception cref="GroupFailedException">With <paramref name="throwOnFailure"/>, it failed on one host or more.</exception>
    public async Task<GroupResult<T>> ForEachAsync<T>(Func<Connection, CancellationToken, Task<T>> action, bool throwOnFailure = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

        // Each host's failure becomes its result, so the fan-out (which stops starting hosts after a failure) runs them all.
        var outcomes = await HostFanOut.RunAsync(Connections, PoolSize, c => OneAsync(c, action, cancellationToken), cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        var result = new GroupResult<T>(outcomes.Select(o => o.Result!));
        return throwOnFailure ? result.ThrowIfAnyFailed() : result;
    }

    /// <summary>The asynchronous form of <see cref="ForEachAsync{T}(Func{Connection, CancellationToken, Task{T}}, bool, CancellationToken)"/> for work that returns nothing.</summary>
    /// <param name="action">The work for one host.</param>
    /// <param name="throwOnFailure">True: throw <see cref="GroupFailedException"/> after every host ended when any failed.</param>
    /// <param name="cancellationToken">Passed to each call.</param>
    /// <returns>Each host's success (a null value) or error.</returns>
    public Task<GroupResult<object?>> ForEachAsync(Func<Connection, CancellationToken, Task> action, bool throwOnFailure = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        return ForEachAsync<object?>(
            async (c, token) =>
            {
                await action(c, token).ConfigureAwait(false);
                return null;
            },
            throwOnFailure,
            cancellationToken);
    }

    /// <summary>Closes every host's connection, all at once. Never throws; calling it again does nothing.</summary>
    /// <returns>Done when all are closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await Task.WhenAll(Connections.Select(c => c.DisposeAsync().AsTask())).ConfigureAwait(false);
        }
    }

    /// <summary>The synchronous form of <see cref="DisposeAsync"/>.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static async Task<HostResult<T>> OneAsync<T>(Connection connection, Func<Connection, CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        try
        {
            return HostResult<T>.Success(connection.Host, await action(connection, cancellationToken).ConfigureAwait(false));
        }
#pragma warning disable CA1031 // Every failure is the host's result; the caller reads them all.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return HostResult<T>.Failure(connection.Host, e);
        }
    }
}
