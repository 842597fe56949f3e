using System.Collections.Concurrent;
using System.Diagnostics;
using Fabric.Engine.Hosts;
using Fabric.Engine.Output;
using Fabric.Engine.Ssh;
using Fabric.Engine.Tasks;
using static Fabric.Engine.Execution.TaskFailureText;

namespace Fabric.Engine.Execution;

/// <summary>
/// Runs a checked plan: tasks in order, each once per host of its host list (built when the task is
/// about to run), local-only tasks once; on its hosts one after another, or in parallel with a bounded pool
/// (<see cref="ConcurrencyRules"/>, <see cref="HostFanOut"/>); fail fast on the first error. Also runs the tasks
/// that task code asks for through <c>Api.Execute</c>.
/// </summary>
internal sealed class Runner(RunContext context)
{
    /// <summary>The key of a local-only task's result, as in Fabric's <c>execute</c>.</summary>
    public const string LocalOnly = "<local-only>";

    private readonly ConcurrentDictionary<Type, Lazy<object>> _instances = new();
    private readonly ConcurrentDictionary<TaskDefinition, Lazy<Task<object?>>> _runOnce = new();
    private readonly ConcurrentDictionary<string, string> _badHosts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(System.Reflection.MethodInfo, object?), TaskDefinition> _delegateTasks = new();

    /// <summary>The plan's last task is running: its parallel host executions close their connections as they end.</summary>
    private volatile bool _lastTask;

    /// <summary>
    /// The task for a method run through <c>Execute(Action)</c>: one per method and target, so that <c>[RunsOnce]</c> holds
    /// across calls; named as on the command line when the method is a task of the fabfile (<c>vm.force-reboot</c>).
    /// </summary>
    public TaskDefinition TaskFor(Delegate function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return _delegateTasks.GetOrAdd(
            (function.Method, function.Target),
            _ => DelegateTask.Of(function, context.Tasks?.Tasks.FirstOrDefault(t => t.Method == function.Method)?.Name));
    }

    /// <summary>
    /// Runs the plan, fail fast, and returns how it ended with a row per task and host; prints nothing about the ending
    /// itself (no "Done.", no "Aborting."): that is for whoever renders the outcome, in <paramref name="ended"/>, which is
    /// called before the run's connections close (so their "Disconnecting" lines follow it, as in Fabric).
    /// </summary>
    public async Task<RunOutcome> RunAsync(IReadOnlyList<PlannedTask> plan, Action<RunOutcome>? ended = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var outcome = await RunPlanAsync(plan).ConfigureAwait(false);
        try
        {
            ended?.Invoke(outcome);
        }
        finally
        {
            await context.Connections.CloseAllAsync().ConfigureAwait(false);
        }

        return outcome;
    }

    private async Task<RunOutcome> RunPlanAsync(IReadOnlyList<PlannedTask> plan)
    {
        using var entered = Ambient.Enter(context);
        context.Runner = this;
        try
        {
            for (var i = 0; i < plan.Count; i++)
            {
                try
                {
                    _lastTask = i == plan.Count - 1;
                    await ExecuteAsync(plan[i].Task, plan[i].Arguments, plan[i].CommandLineHosts, plan[i].Excludes, context.Shard).ConfigureAwait(false);
                }
                catch
                {
                    foreach (var later in plan.Skip(i + 1))
                    {
                        context.Summary.Record(later.Task.Name, null, RunStatus.NotStarted, "not reached");
                    }

                    throw;
                }
            }

            return new RunOutcome(RunEnding.Completed, null, context.Summary.Rows);
        }
        catch (OperationCanceledException) when (context.Cancellation.IsCancellationRequested)
        {
            return new RunOutcome(RunEnding.Interrupted, null, context.Summary.Rows);
        }
        catch (TaskFailure failure)
        {
            return new RunOutcome(RunEnding.Aborted, failure.Message, context.Summary.Rows);
        }
        finally
        {
            _lastTask = false;
        }
    }

    /// <summary>
    /// Runs one task on the host list that <paramref name="selection"/>, its attributes or <c>Env</c> give, honouring its
    /// <c>[Parallel]</c>/<c>[Serial]</c>/<c>[RunsOnce]</c>; returns what it returned on each host (host string →
    /// value; <see cref="LocalOnly"/> for a local-only task). A failure throws the run's abort. When the run is sharded,
    /// <paramref name="shard"/> is the slice of the host list this run takes: given for the command line's tasks only,
    /// since a task run through <c>Execute</c> belongs to the host its caller runs on.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, object?>> ExecuteAsync(
        TaskDefinition task, IReadOnlyList<object?> arguments, HostSelection selection, IReadOnlyList<string> excludes, HostShard? shard = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        var hosts = TaskHosts.Build(context, task, selection, excludes);
        if (shard is { Count: > 1 })
        {
            var slice = shard.Slice(hosts, task.Concurrency.RunsOnce);
            Write(OutputKind.Debug, null, $"Task '{task.Name}': {shard.Describe(hosts, task.Concurrency.RunsOnce)}");
            if (slice is null)
            {
                return new Dictionary<string, object?>(StringComparer.Ordinal);
            }

            hosts = slice;
        }

        if (hosts.IsAllExcluded)
        {
            context.Summary.Record(task.Name, null, RunStatus.Skipped, "every host excluded");
            Write(OutputKind.Warning, null,
                $"Skipping task '{task.Name}': every host of its list was excluded ({string.Join(", ", hosts.Excluded.Select(h => h.Original))}).");
            return new Dictionary<string, object?>(StringComparer.Ordinal);
        }

        if (task.Concurrency.RunsOnce)
        {
            var first = hosts.IsLocalOnly ? null : hosts.Hosts[0];
            var value = await _runOnce.GetOrAdd(task, _ => new Lazy<Task<object?>>(() => RunOnceAsync(task, arguments, first))).Value.ConfigureAwait(false);
            return hosts.IsLocalOnly
                ? new Dictionary<string, object?>(StringComparer.Ordinal) { [LocalOnly] = value }
                : hosts.Hosts.ToDictionary(h => h.Original, _ => value, StringComparer.Ordinal);
        }

        if (hosts.IsLocalOnly)
        {
            return new Dictionary<string, object?>(StringComparer.Ordinal) { [LocalOnly] = await InvokeAsync(task, arguments, null, parallel: false).ConfigureAwait(false) };
        }

        var poolSize = ConcurrencyRules.PoolSize(task.Concurrency, context.Env.Parallel, context.Env.PoolSize, hosts.Hosts.Count);
        IReadOnlyList<HostOutcome<HostRun>> outcomes;
        var mark = context.Summary.Count;
        var parallel = poolSize > 1;
        using var progress = parallel ? context.Progress?.Begin(task.Name, hosts.Hosts.Count) : null;
        try
        {
            outcomes = await HostFanOut.RunAsync(
                hosts.Hosts, poolSize, host => RunOnHostAsync(task, arguments, host, parallel, progress), context.Cancellation, host => Starting(task, host, progress)).ConfigureAwait(false);
        }
        finally
        {
            context.Summary.Complete(task.Name, [.. hosts.Hosts.Select(h => h.Original)], mark);
        }

        return HostRun.Collect(context, task.Name, hosts.Hosts, outcomes, poolSize);
    }

    private async Task<object?> RunOnceAsync(TaskDefinition task, IReadOnlyList<object?> arguments, HostString? host)
    {
        if (host is not null)
        {
            Write(OutputKind.Executing, host.Original, task.Name);
        }

        return await InvokeAsync(task, arguments, host, parallel: false).ConfigureAwait(false);
    }

    /// <summary>One execution on one host, told to <paramref name="progress"/> as it ends.</summary>
    private async Task<HostRun> RunOnHostAsync(TaskDefinition task, IReadOnlyList<object?> arguments, HostString host, bool parallel, IHostsProgress? progress)
    {
        if (progress is null)
        {
            return await RunOnHostAsync(task, arguments, host, parallel).ConfigureAwait(false);
        }

        try
        {
            var run = await RunOnHostAsync(task, arguments, host, parallel).ConfigureAwait(false);
            progress.Ended(run.IsSkipped ? RunStatus.Skipped : RunStatus.Ok);
            return run;
        }
        catch
        {
            progress.Ended(RunStatus.Failed);
            throw;
        }
    }

    /// <summary>One execution on one host; an unreachable host under <c>Env.SkipBadHosts</c> is reported and skipped.</summary>
    private async Task<HostRun> RunOnHostAsync(TaskDefinition task, IReadOnlyList<object?> arguments, HostString host, bool parallel)
    {
        if (context.Env.SkipBadHosts && _badHosts.TryGetValue(host.Original, out var why))
        {
            context.Summary.Record(task.Name, host.Original, RunStatus.Skipped, $"unreachable: {why}");
            Write(OutputKind.Warning, host.Original, $"Skipping task '{task.Name}': the host could not be reached earlier ({why}).");
            return HostRun.Skipped;
        }

        context.Cancellation.ThrowIfCancellationRequested();
        try
        {
            return new HostRun(false, await InvokeAsync(task, arguments, host, parallel).ConfigureAwait(false));
        }
        catch (TaskFailure failure) when (context.Env.SkipBadHosts && Cause<HostKeyRefusedException>(failure) is not null)
        {
            Write(OutputKind.Warning, host.Original, $"Not skipped by {context.SettingNames.Name(Setting.SkipBadHosts)}: a refused host key is a security problem, not an unreachable host.");
            throw;
        }
        catch (TaskFailure failure) when (context.Env.SkipBadHosts && Cause<UnreachableHostException>(failure) is { } unreachable)
        {
            _badHosts.TryAdd(host.Original, unreachable.Message.TrimEnd('.'));
            context.Summary.Remark(task.Name, host.Original, RunStatus.Skipped, unreachable.Message);
            Write(OutputKind.Warning, host.Original, $"{unreachable.Message} Skipping this host ({context.SettingNames.Name(Setting.SkipBadHosts)}).");
            return HostRun.Skipped;
        }
    }

    /// <summary>Prints <c>[host] Executing task 'name'</c> as a host starts, in list order (unless it is a known bad host to skip).</summary>
    private void Starting(TaskDefinition task, HostString host, IHostsProgress? progress)
    {
        progress?.Started();
        if (!(context.Env.SkipBadHosts && _badHosts.ContainsKey(host.Original)))
        {
            Write(OutputKind.Executing, host.Original, task.Name);
        }
    }

    /// <summary>Runs the task's method on one host (or none); <paramref name="parallel"/>: alongside others, so output comes in whole lines.</summary>
    private async Task<object?> InvokeAsync(TaskDefinition task, IReadOnlyList<object?> arguments, HostString? host, bool parallel)
    {
        // A task run from another (Execute) logs in as the user and port that one chose (Settings(user:/port:), Env.User), as
        // Fabric's env does; a host of its own replaces a Settings(hostString: …) block's.
        var outer = Ambient.Frame;
        var scope = Ambient.Scope;
        var frame = new ExecutionFrame(task.Name, host, host?.UserOr(context.Env.User) ?? context.Env.User, host?.PortOr(context.Env.Port) ?? context.Env.Port)
        {
            Linewise = parallel || outer is { Linewise: true },
            Login = new ExecutionLogin { User = scope.User ?? outer?.Login.User, Port = scope.Port ?? outer?.Login.Port },
        };
        using var entered = Ambient.Enter(frame);
        using var ownHost = host is not null && (scope.Host ?? (object?)scope.User ?? scope.Port) is not null
            ? Ambient.EnterScope(s => s with { Host = null, User = null, Port = null })
            : null;
        var row = context.Summary.Start(task.Name, host?.Original);
        try
        {
            var target = task.Method.IsStatic ? null : task.Target ?? InstanceOf(task.Method.DeclaringType!);
            var value = await TaskMethodInvoker.InvokeAsync(task.Method, target, arguments).ConfigureAwait(false);
            row.End(RunStatus.Ok);
            return value;
        }
        catch (OperationCanceledException) when (context.Cancellation.IsCancellationRequested)
        {
            throw;
        }
        catch (TaskFailure failure)
        {
            // A failure of a task this one ran through Execute already has its row: point at it rather than repeat it.
            row.End(RunStatus.Failed, failure.Recorded is { } where ? $"Execute of {where} failed" : failure.Message);
            failure.Recorded = Where(task.Name, host);
            throw;
        }
        catch (Exception e)
        {
            var failure = new TaskFailure(Describe(e, task.Name, host), e) { Recorded = Where(task.Name, host) };
            row.End(RunStatus.Failed, failure.Message);
            throw failure;
        }
        finally
        {
            // A host of the command line's last task, in parallel: nothing later in the run needs its connection.
            if (parallel && outer is null && host is not null && _lastTask)
            {
                context.Connections.Release();
            }
        }
    }

    private object InstanceOf(Type type) =>
        _instances.GetOrAdd(type, t => new Lazy<object>(() => Activator.CreateInstance(t)!)).Value;

    private void Write(OutputKind kind, string? host, string text) =>
        OutputGroups.Write(context, Ambient.Scope, new OutputEvent(kind, host, text));
}
