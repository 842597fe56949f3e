namespace Fabric;

/// <summary>
/// Runs the task on all its hosts at once instead of one after another, even without <c>-P</c>: hosts start in
/// list order, at most <see cref="PoolSize"/> (else <c>-z</c>, else every host) at a time. Connections, commands
/// and transfers are asynchronous and share the pool; there is no process per host. Each line of output is
/// whole and prefixed with its host. When a host fails, the hosts already running finish this task, no further
/// host starts, and the run aborts after naming every host that failed.
/// </summary>
/// <remarks>
/// Executions run concurrently in one process: run-wide <c>Env</c> values (<c>Env.Hosts</c>, <c>Env.Secrets</c>,
/// <c>Env["key"]</c>, …) are shared by all of them and safe to change from several at once, while <c>Env.HostString</c>, <c>Env.Host</c>, <c>Env.User</c> and <c>Env.Port</c> are each
/// execution's own.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class ParallelAttribute : Attribute
{
    /// <summary>
    /// How many hosts may run this task at once. Wins over <c>-z/--pool-size</c>; 0 (the default) leaves the choice
    /// to <c>-z</c>, and without it every host of the list runs at once. Never more than the number of hosts.
    /// </summary>
    public int PoolSize { get; set; }
}
