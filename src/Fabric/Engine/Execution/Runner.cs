using System.Diagnostics;
using System.Reflection;
using Fabric.Engine.Hosts;
using Fabric.Engine.Output;

namespace Fabric.Engine.Execution;

/// <summary>
/// Runs a checked plan (SPEC §8): tasks in order, each once per host of its host list (built when the task is
/// about to run), local-only tasks once; fail fast on the first error.
/// </summary>
internal sealed class Runner(RunContext context)
{
    private readonly Dictionary<Type, object> _instances = [];

    /// <summary>Runs the plan and returns the exit code: 0 all ran, 1 aborted, 130 interrupted.</summary>
    public async Task<int> RunAsync(IReadOnlyList<PlannedTask> plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        using var entered = Ambient.Enter(context);
        try
        {
            foreach (var planned in plan)
            {
                await RunTaskAsync(planned).ConfigureAwait(false);
            }

            Write(OutputKind.Status, null, "Done.");
            return ExitCodes.Ok;
        }
        catch (OperationCanceledException) when (context.Cancellation.IsCancellationRequested)
        {
            Write(OutputKind.Fatal, null, "Interrupted.");
            return ExitCodes.Interrupted;
        }
        catch (TaskFailure failure)
        {
            Write(OutputKind.Fatal, null, failure.Message + System.Environment.NewLine + System.Environment.NewLine + "Aborting.");
            return ExitCodes.Aborted;
        }
        finally
        {
            await context.Connections.CloseAllAsync().ConfigureAwait(false);
        }
    }

    private async Task RunTaskAsync(PlannedTask planned)
    {
        var task = planned.Task;
        HostList hosts;
        try
        {
            hosts = planned.BuildHostList(context.Env);
        }
        catch (FabricUsageException e)
        {
            throw new TaskFailure($"Task '{task.Name}': {e.Message}");
        }

        Write(OutputKind.Debug, null, hosts.IsLocalOnly
            ? $"Task '{task.Name}': no hosts, runs once locally."
            : $"Task '{task.Name}': hosts from {hosts.Source}: {string.Join(", ", hosts.Hosts.Select(h => h.Original))}"
                + (hosts.Excluded.Count > 0 ? $" (excluded: {string.Join(", ", hosts.Excluded.Select(h => h.Original))})" : "") + ".");
        if (hosts.IsLocalOnly)
        {
            await InvokeAsync(planned, null).ConfigureAwait(false);
            return;
        }

        if (hosts.IsAllExcluded)
        {
            Write(OutputKind.Warning, null,
                $"Skipping task '{task.Name}': every host of its list was excluded ({string.Join(", ", hosts.Excluded.Select(h => h.Original))}).");
            return;
        }

        foreach (var host in hosts.Hosts)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            await InvokeAsync(planned, host).ConfigureAwait(false);
        }
    }

    private async Task InvokeAsync(PlannedTask planned, HostString? host)
    {
        var task = planned.Task;
        var frame = new ExecutionFrame(task.Name, host, host?.UserOr(context.Env.User) ?? context.Env.User, host?.PortOr(context.Env.Port) ?? context.Env.Port);
        using var entered = Ambient.Enter(frame);
        if (host is not null)
        {
            Write(OutputKind.Executing, host.Original, task.Name);
        }

        try
        {
            var target = task.Method.IsStatic ? null : InstanceOf(task.Method.DeclaringType!);
            var returned = task.Method.Invoke(target, BindingFlags.DoNotWrapExceptions, null, [.. planned.Arguments], null);
            switch (returned)
            {
                case Task awaitable:
                    await awaitable.ConfigureAwait(false);
                    break;
                case ValueTask awaitable:
                    await awaitable.ConfigureAwait(false);
                    break;
                case not null when returned.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(ValueTask<>):
                    await ((Task)type.GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(returned, null)!).ConfigureAwait(false);
                    break;
            }
        }
        catch (OperationCanceledException) when (context.Cancellation.IsCancellationRequested)
        {
            throw;
        }
        catch (TaskFailure)
        {
            throw;
        }
        catch (Exception e)
        {
            throw new TaskFailure(Describe(e, task.Name, host), e);
        }
    }

    private object InstanceOf(Type type)
    {
        if (!_instances.TryGetValue(type, out var instance))
        {
            instance = Activator.CreateInstance(type)!;
            _instances[type] = instance;
        }

        return instance;
    }

    private static string Describe(Exception e, string taskName, HostString? host)
    {
        var where = host is null ? $"task '{taskName}'" : $"task '{taskName}' on {host.Original}";
        return e switch
        {
            CommandFailedException => e.Message,
            AbortException => $"{e.Message} ({where})",
            _ => $"{where} threw {e.GetType().Name}: {e.Message}{Location(e)}",
        };
    }

    /// <summary>Where in the fabfile the exception came from (<c> at Fabfile.cs:line 12</c>), when its symbols say.</summary>
    internal static string Location(Exception e)
    {
        var frame = new StackTrace(e, fNeedFileInfo: true).GetFrames().FirstOrDefault(f => f.GetFileName() is not null);
        return frame is null ? "" : $" (at {Path.GetFileName(frame.GetFileName())}:line {frame.GetFileLineNumber()})";
    }

    private void Write(OutputKind kind, string? host, string text) =>
        OutputGroups.Write(context, Ambient.Scope, new OutputEvent(kind, host, text));

    /// <summary>A task failed; carries the one-line description printed after <c>Fatal error:</c>.</summary>
    private sealed class TaskFailure : Exception
    {
        public TaskFailure(string message)
            : base(message)
        {
        }

        public TaskFailure(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
