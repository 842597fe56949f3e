namespace Fabric.Engine.Execution;

/// <summary>
/// The user and port that <c>Env.User = …</c> / <c>Env.Port = …</c> set during one execution of a task on a host: later
/// operations of that execution log in with them. Shared by reference by everything the execution runs (awaited code
/// included), so an assignment in a helper method is seen when it returns; other executions have their own.
/// </summary>
internal sealed class ExecutionLogin
{
    private string? _user;
    private int _port;

    /// <summary>The user assigned in this execution, or null: none.</summary>
    public string? User
    {
        get => Volatile.Read(ref _user);
        set => Volatile.Write(ref _user, value);
    }

    /// <summary>The port assigned in this execution, or null: none.</summary>
    public int? Port
    {
        get => Volatile.Read(ref _port) is var port and > 0 ? port : null;
        set => Volatile.Write(ref _port, value ?? 0);
    }
}
