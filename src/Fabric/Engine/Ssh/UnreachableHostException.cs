namespace Fabric.Engine.Ssh;

/// <summary>A host could not be reached (refused, timed out, unknown name, dropped before the login): what <c>Env.SkipBadHosts</c> skips.</summary>
internal sealed class UnreachableHostException : AbortException
{
    public UnreachableHostException(string host, string message, Exception innerException)
        : base(message, innerException) => Host = host;

    /// <summary>The host string, as written.</summary>
    public string Host { get; }
}
