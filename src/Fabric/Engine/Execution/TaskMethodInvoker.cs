using System.Reflection;

namespace Fabric.Engine.Execution;

/// <summary>Calls a task's method and waits for it: plain, <c>Task</c>, <c>Task&lt;T&gt;</c>, <c>ValueTask</c> and <c>ValueTask&lt;T&gt;</c> methods; gives what it returned.</summary>
internal static class TaskMethodInvoker
{
    public static async Task<object?> InvokeAsync(MethodInfo method, object? target, IReadOnlyList<object?> arguments)
    {
        ArgumentNullException.ThrowIfNull(method);
        var returned = method.Invoke(target, BindingFlags.DoNotWrapExceptions, null, [.. arguments], null);
        switch (returned)
        {
            case Task awaitable:
                await awaitable.ConfigureAwait(false);
                return ResultOf(awaitable);
            case ValueTask awaitable:
                await awaitable.ConfigureAwait(false);
                return null;
            case not null when returned.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(ValueTask<>):
                var task = (Task)type.GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(returned, null)!;
                await task.ConfigureAwait(false);
                return ResultOf(task);
            default:
                return returned;
        }
    }

    /// <summary>A <c>Task&lt;T&gt;</c>'s result; null for a plain <c>Task</c> (whose runtime type may still be generic, e.g. <c>Task&lt;VoidTaskResult&gt;</c>).</summary>
    private static object? ResultOf(Task task)
    {
        var type = task.GetType();
        while (type is not null && !(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>)))
        {
            type = type.BaseType;
        }

        if (type is null || type.GetGenericArguments()[0].Name == "VoidTaskResult")
        {
            return null;
        }

        return type.GetProperty(nameof(Task<int>.Result))!.GetValue(task);
    }
}
