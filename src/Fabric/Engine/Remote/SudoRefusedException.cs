namespace Fabric.Engine.Remote;

/// <summary>
/// sudo would not run a command: it needs a password and none was given, or it refused the one given. An abort like any
/// other; an operation that knows more (the file a transfer was for) may say it in front.
/// </summary>
internal sealed class SudoRefusedException(string message) : AbortException(message);
