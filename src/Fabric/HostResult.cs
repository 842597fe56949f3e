namespace Fabric;

/// <summary>How one host of a <see cref="Group"/> fared: what the operation returned there, or why it failed.</summary>
/// <typeparam name="T">What the operation returns (a <see cref="CommandResult"/> for <see cref="Group.RunAsync"/>).</typeparam>
public sealed record HostResult<T>
{
    /// <summary>The host string, as given to the group.</summary>
    public required string Host { get; init; }

    /// <summary>What the operation returned on this host; the default of <typeparamref name="T"/> when it failed.</summary>
    public T? Value { get; init; }

    /// <summary>
    /// Why it failed, in one readable line naming the host (<c>run 'false' on web2 failed with exit code 1.</c>,
    /// <c>Could not connect to web3: …</c>); null when it succeeded.
    /// </summary>
    public string? Error { get; init; }

    /// <summary>The exception behind <see cref="Error"/> (a <see cref="CommandFailedException"/> carries the command's result); null when it succeeded.</summary>
    public Exception? Exception { get; init; }

    /// <summary>True when the operation completed on this host.</summary>
    public bool Succeeded => Error is null;

    /// <summary>True when it threw on this host.</summary>
    public bool Failed => !Succeeded;

    /// <summary>A success on <paramref name="host"/>.</summary>
    internal static HostResult<T> Success(string host, T value) => new() { Host = host, Value = value };

    /// <summary>A failure on <paramref name="host"/>: its message, naming the host when it does not already.</summary>
    internal static HostResult<T> Failure(string host, Exception error)
    {
        var message = error switch
        {
            OperationCanceledException => "cancelled",
            _ when string.IsNullOrWhiteSpace(error.Message) => "failed",
            _ => error.Message.Trim(),
        };
        return new() { Host = host, Error = Names(message, host) ? message : $"{host}: {message}", Exception = error };
    }

    /// <summary>True when <paramref name="message"/> names <paramref name="host"/> as a word of its own (<c>on web2</c>, <c>to web2:</c>), not inside another.</summary>
    private static bool Names(string message, string host)
    {
        for (var at = message.IndexOf(host, StringComparison.Ordinal); at >= 0; at = message.IndexOf(host, at + 1, StringComparison.Ordinal))
        {
            var end = at + host.Length;
            if ((at == 0 || !IsHostChar(message[at - 1])) && EndsWord(message, end))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when nothing of a host string goes on at <paramref name="end"/>: an end, a space, or a full stop or colon before one.</summary>
    private static bool EndsWord(string message, int end) =>
        end == message.Length || !IsHostChar(message[end])
        || (message[end] is '.' or ':' && (end + 1 == message.Length || !IsHostChar(message[end + 1])));

    private static bool IsHostChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@' or ':' or '[' or ']';

    /// <summary><c>host: ok</c>, or <c>host: failed: error</c>.</summary>
    /// <returns>One line (more when the error has several).</returns>
    public override string ToString() => Succeeded ? $"{Host}: ok" : $"{Host}: failed: {Error}";
}
