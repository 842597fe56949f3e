using Fabric.Engine.Arguments;
using Fabric.Engine.Execution;
using Fabric.Engine.Hosts;
using Fabric.Engine.Tasks;

namespace Fabric;

/// <summary>Composing tasks: <c>Execute</c> runs another task of the fabfile from task code.</summary>
public static partial class Api
{
    /// <summary>
    /// Runs another task of the fabfile, as Fabric's <c>execute</c>: on <paramref name="hosts"/> and the hosts of
    /// <paramref name="roles"/> when given, else on the task's own <c>[Hosts]</c>/<c>[Roles]</c>, else on <c>Env.Hosts</c>;
    /// once with no host when none of these names any. The task's <see cref="ParallelAttribute"/>,
    /// <see cref="SerialAttribute"/> and <see cref="RunsOnceAttribute"/> apply, and <c>-P</c>/<c>-z</c>. Each host
    /// prints <c>[host] Executing task 'name'</c>. Afterwards <c>Env.HostString</c>, <c>Env.Host</c>, <c>Env.User</c>
    /// and <c>Env.Port</c> are the caller's again; run-wide values the task assigned (<c>Env.Hosts</c>, <c>Env["k"]</c>) stay.
    /// A failure on any host aborts the run, as the task would on the command line.
    /// </summary>
    /// <param name="task">The task's name or alias, as on the command line.</param>
    /// <param name="hosts">Host strings to run on; null or empty: see above.</param>
    /// <param name="roles">Roles whose hosts to run on.</param>
    /// <param name="excludeHosts">Hosts to leave out of the list.</param>
    /// <param name="arguments">The task method's arguments, by position, bound as on the command line: strings are converted, missing optional ones take their default, values past the fixed parameters go into a last <c>params</c> array; a mistake reads as it would on the command line, after <c>Execute: </c>.</param>
    /// <returns>What the task returned on each host, by host string; a local-only run's under <c>"&lt;local-only&gt;"</c>. Skipped hosts (<c>--skip-bad-hosts</c>) are absent.</returns>
    /// <exception cref="AbortException">Not inside a run of <c>dotnet fab</c>, an unknown task, or arguments that do not fit.</exception>
    public static IReadOnlyDictionary<string, object?> Execute(
        string task, IEnumerable<string>? hosts = null, IEnumerable<string>? roles = null, IEnumerable<string>? excludeHosts = null, IReadOnlyList<object?>? arguments = null) =>
        ExecuteAsync(task, hosts, roles, excludeHosts, arguments).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="Execute(string, IEnumerable{string}?, IEnumerable{string}?, IEnumerable{string}?, IReadOnlyList{object?}?)"/>.</summary>
    /// <param name="task">The task's name or alias, as on the command line.</param>
    /// <param name="hosts">Host strings to run on; null or empty: the task's own, else <c>Env.Hosts</c>.</param>
    /// <param name="roles">Roles whose hosts to run on.</param>
    /// <param name="excludeHosts">Hosts to leave out of the list.</param>
    /// <param name="arguments">The task method's arguments, by position.</param>
    /// <returns>What the task returned on each host, by host string.</returns>
    public static Task<IReadOnlyDictionary<string, object?>> ExecuteAsync(
        string task, IEnumerable<string>? hosts = null, IEnumerable<string>? roles = null, IEnumerable<string>? excludeHosts = null, IReadOnlyList<object?>? arguments = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(task);
        var context = Ambient.Context;
        if (context.Runner is not { } runner || context.Tasks is not { } table)
        {
            throw new AbortException($"Execute('{task}') works only inside a run of dotnet fab.");
        }

        var definition = table.Find(task) ?? throw new AbortException("Execute: " + RunPlanner.UnknownTask(table, task));
        var bound = ArgumentBinder.BindExecute(definition, arguments ?? []);
        return runner.ExecuteAsync(
            definition, bound, new HostSelection(HostEntries(task, hosts, "hosts"), Entries(task, roles, "roles")), HostEntries(task, excludeHosts, "excludeHosts"));
    }

    /// <summary>
    /// Runs a plain method on hosts like a task, as Fabric's <c>execute(some_function)</c>: <c>Execute(Restart, hosts: ["web1", "web2"])</c>
    /// or <c>Execute(() =&gt; Run("uptime"), roles: ["db"])</c>. Its hosts are chosen as for <see cref="Execute(string, IEnumerable{string}?, IEnumerable{string}?, IEnumerable{string}?, IReadOnlyList{object?}?)"/>:
    /// <paramref name="hosts"/>/<paramref name="roles"/>, else the method's <c>[Hosts]</c>/<c>[Roles]</c>, else <c>Env.Hosts</c>,
    /// else once with no host; its <c>[Parallel]</c>, <c>[Serial]</c>, <c>[RunsOnce]</c> apply. Each host prints
    /// <c>[host] Executing task 'restart'</c> (the method's name, or its task name when it is a task of the fabfile, <c>vm.restart</c>;
    /// a lambda is <c>lambda in deploy</c>, after the method it is written in).
    /// The method need not be a task of the fabfile (a private helper is fine), and is not one on the command line.
    /// </summary>
    /// <param name="action">The method to run on each host.</param>
    /// <param name="hosts">Host strings to run on.</param>
    /// <param name="roles">Roles whose hosts to run on.</param>
    /// <param name="excludeHosts">Hosts to leave out of the list.</param>
    /// <returns>Null on each host it ran on, by host string (<c>"&lt;local-only&gt;"</c> with no host).</returns>
    /// <exception cref="AbortException">Not inside a run of <c>dotnet fab</c>, or an empty host or role entry.</exception>
    public static IReadOnlyDictionary<string, object?> Execute(Action action, IEnumerable<string>? hosts = null, IEnumerable<string>? roles = null, IEnumerable<string>? excludeHosts = null) =>
        ExecuteDelegateAsync(action, hosts, roles, excludeHosts).GetAwaiter().GetResult();

    /// <summary>Runs a plain method that returns a value on hosts, as <see cref="Execute(Action, IEnumerable{string}?, IEnumerable{string}?, IEnumerable{string}?)"/>; for an <c>async</c> one use <see cref="ExecuteAsync{T}(Func{Task{T}}, IEnumerable{string}?, IEnumerable{string}?, IEnumerable{string}?)"/>.</summary>
    /// <typeparam name="T">What it returns.</typeparam>
    /// <param name="function">The method to run on each host.</param>
    /// <param name="hosts">Host strings to run on.</param>
    /// <param name="roles">Roles whose hosts to run on.</param>
    /// <param name="excludeHosts">Hosts to leave out of the list.</param>
    /// <returns>What it returned on each host, by host string.</returns>
    public static IReadOnlyDictionary<string, T> Execute<T>(Func<T> function, IEnumerable<string>? hosts = null, IEnumerable<string>? roles = null, IEnumerable<string>? excludeHosts = null) =>
        Typed<T>(ExecuteDelegateAsync(function, hosts, roles, excludeHosts).GetAwaiter().GetResult());

    /// <summary>The asynchronous form of <see cref="Execute(Action, IEnumerable{string}?, IEnumerable{string}?, IEnumerable{string}?)"/>, for an <c>async Task</c> method.</summary>
    /// <param name="action">The method to run on each host.</param>
    /// <param name="hosts">Host strings to run on.</param>
    /// <param name="roles">Roles whose hosts to run on.</param>
    /// <param name="excludeHosts">Hosts to leave out of the list.</param>
    /// <returns>Null on each host it ran on, by host string.</returns>
    public static Task<IReadOnlyDictionary<string, object?>> ExecuteAsync(Func<Task> action, IEnumerable<string>? hosts = null, IEnumerable<string>? roles = null, IEnumerable<string>? excludeHosts = null) =>
        ExecuteDelegateAsync(action, hosts, roles, excludeHosts);

    /// <summary>The asynchronous form of <see cref="Execute{T}(Func{T}, IEnumerable{string}?, IEnumerable{string}?, IEnumerable{string}?)"/>, for an <c>async Task&lt;T&gt;</c> method.</summary>
    /// <typeparam name="T">What it returns.</typeparam>
    /// <param name="function">The method to run on each host.</param>
    /// <param name="hosts">Host strings to run on.</param>
    /// <param name="roles">Roles whose hosts to run on.</param>
    /// <param name="excludeHosts">Hosts to leave out of the list.</param>
    /// <returns>What it returned on each host, by host string.</returns>
    public static async Task<IReadOnlyDictionary<string, T>> ExecuteAsync<T>(Func<Task<T>> function, IEnumerable<string>? hosts = null, IEnumerable<string>? roles = null, IEnumerable<string>? excludeHosts = null) =>
        Typed<T>(await ExecuteDelegateAsync(function, hosts, roles, excludeHosts).ConfigureAwait(false));

    /// <summary>
    /// Runs a method with arguments on hosts like a task, as Fabric's <c>execute(func, *args)</c>:
    /// <c>Execute(ScheduleDowntime, arguments: [Env.HostString, 30])</c>. Hosts and attributes as for
    /// <see cref="Execute(Action, IEnumerable{string}?, IEnumerable{string}?, IEnumerable{string}?)"/> (the method's own
    /// <c>[Hosts]</c>/<c>[Roles]</c> apply, which a lambda around the call would lose); the arguments are bound as
    /// <see cref="Execute(string, IEnumerable{string}?, IEnumerable{string}?, IEnumerable{string}?, IReadOnlyList{object?}?)"/>
    /// binds them. An <c>async</c> method is awaited on each host.
    /// </summary>
    /// <param name="method">The method (a method group: <c>ScheduleDowntime</c>).</param>
    /// <param name="hosts">Host strings to run on.</param>
    /// <param name="roles">Roles whose hosts to run on.</param>
    /// <param name="excludeHosts">Hosts to leave out of the list.</param>
    /// <param name="arguments">The method's arguments, by position; strings are converted as on the command line; missing optional ones take their default.</param>
    /// <returns>What it returned on each host, by host string.</returns>
    /// <exception cref="AbortException">Not inside a run of <c>dotnet fab</c>, arguments that do not fit, or an empty host or role entry.</exception>
    public static IReadOnlyDictionary<string, object?> Execute(
        Delegate method, IEnumerable<string>? hosts = null, IEnumerable<string>? roles = null, IEnumerable<string>? excludeHosts = null, IReadOnlyList<object?>? arguments = null) =>
        ExecuteAsync(method, hosts, roles, excludeHosts, arguments).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="Execute(Delegate, IEnumerable{string}?, IEnumerable{string}?, IEnumerable{string}?, IReadOnlyList{object?}?)"/>.</summary>
    /// <param name="method">The method.</param>
    /// <param name="hosts">Host strings to run on.</param>
    /// <param name="roles">Roles whose hosts to run on.</param>
    /// <param name="excludeHosts">Hosts to leave out of the list.</param>
    /// <param name="arguments">The method's arguments, by position.</param>
    /// <returns>What it returned on each host, by host string.</returns>
    public static Task<IReadOnlyDictionary<string, object?>> ExecuteAsync(
        Delegate method, IEnumerable<string>? hosts = null, IEnumerable<string>? roles = null, IEnumerable<string>? excludeHosts = null, IReadOnlyList<object?>? arguments = null) =>
        ExecuteDelegateAsync(method, hosts, roles, excludeHosts, arguments);

    private static Task<IReadOnlyDictionary<string, object?>> ExecuteDelegateAsync(
        Delegate function, IEnumerable<string>? hosts, IEnumerable<string>? roles, IEnumerable<string>? excludeHosts, IReadOnlyList<object?>? arguments = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        var runner = Ambient.Context.Runner ?? throw new AbortException($"Execute({DelegateTask.NameOf(function.Method)}) works only inside a run of dotnet fab.");
        var definition = runner.TaskFor(function);
        var name = definition.Name;
        return runner.ExecuteAsync(
            definition, ArgumentBinder.BindExecute(definition, arguments ?? []), new HostSelection(HostEntries(name, hosts, "hosts"), Entries(name, roles, "roles")), HostEntries(name, excludeHosts, "excludeHosts"));
    }

    private static Dictionary<string, T> Typed<T>(IReadOnlyDictionary<string, object?> results) =>
        results.ToDictionary(r => r.Key, r => r.Value is T value ? value : default!, StringComparer.Ordinal);

    /// <summary>The host strings of Execute's hosts or excludeHosts, each checked by the host-string validator (an empty one too).</summary>
    private static string[] HostEntries(string task, IEnumerable<string?>? entries, string argument)
    {
        var list = entries?.ToArray() ?? [];
        try
        {
            HostString.Validate(($"Execute('{task}') {argument}", list));
        }
        catch (Engine.FabricUsageException e)
        {
            throw new AbortException(e.Message, e);
        }

        return [.. list.OfType<string>()];
    }

    /// <summary>The role names of Execute's roles; an empty one (null, blank) is the caller's mistake, and said so.</summary>
    private static string[] Entries(string task, IEnumerable<string?>? entries, string argument)
    {
        var list = entries?.ToArray() ?? [];
        return list.Any(string.IsNullOrWhiteSpace)
            ? throw new AbortException($"Execute('{task}'): {argument} has an empty entry (null or blank): each entry must name one.")
            : [.. list.OfType<string>()];
    }
}
