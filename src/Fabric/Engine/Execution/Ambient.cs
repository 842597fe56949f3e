using Fabric.Engine.Output;

namespace Fabric.Engine.Execution;

/// <summary>
/// The current run, task execution and scope, flowing with async code (<see cref="AsyncLocal{T}"/>), so that
/// parallel executions each see their own host. The only static state behind <c>Env</c> and <c>Api</c>.
/// </summary>
internal static class Ambient
{
    private static readonly AsyncLocal<RunContext?> CurrentContext = new();
    private static readonly AsyncLocal<ExecutionFrame?> CurrentFrame = new();
    private static readonly AsyncLocal<ScopeSettings?> CurrentScope = new();
    private static readonly Lazy<RunContext> Standalone = new(() => new RunContext(new TextWriterOutputSink(Console.Out)));

    /// <summary>The current run; outside one (library use), a process-wide context writing to the console.</summary>
    public static RunContext Context => CurrentContext.Value ?? Standalone.Value;

    /// <summary>The current execution of a task on a host, or null outside one.</summary>
    public static ExecutionFrame? Frame => CurrentFrame.Value;

    /// <summary>The innermost scope's settings.</summary>
    public static ScopeSettings Scope => CurrentScope.Value ?? ScopeSettings.None;

    /// <summary>Makes <paramref name="context"/> current for this async flow; dispose to restore.</summary>
    public static IDisposable Enter(RunContext context) => Swap(CurrentContext, context);

    /// <summary>Makes <paramref name="frame"/> current for this async flow; dispose to restore.</summary>
    public static IDisposable Enter(ExecutionFrame? frame) => Swap(CurrentFrame, frame);

    /// <summary>Applies <paramref name="change"/> to the current scope until disposed.</summary>
    public static IDisposable EnterScope(Func<ScopeSettings, ScopeSettings> change) => Swap(CurrentScope, change(Scope));

    private static Restore<T> Swap<T>(AsyncLocal<T?> slot, T? value)
        where T : class
    {
        var previous = slot.Value;
        slot.Value = value;
        return new Restore<T>(slot, previous);
    }

    private sealed class Restore<T>(AsyncLocal<T?> slot, T? previous) : IDisposable
        where T : class
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                slot.Value = previous;
            }
        }
    }
}
