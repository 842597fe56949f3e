using System.Globalization;
using System.Net.Sockets;
using Renci.SshNet.Common;
using Renci.SshNet.Messages.Transport;

namespace Fabric.Engine.Transport.SshNet;

/// <summary>
/// A connection the server closed before the SSH handshake: what OpenSSH's <c>sshd</c> does to a new connection while
/// <c>MaxStartups</c> of them are still unauthenticated (it writes <c>Exceeded MaxStartups</c> and closes, so the client
/// sees the connection closed during the version exchange, or reset). A fan-out opening many connections at once meets
/// it, so such a drop is retried a few times after a growing, jittered pause (apart from the connection attempts setting),
/// each retry said as a debug line; a host that drops every retry is reported naming the likely cause.
/// </summary>
internal static class HandshakeDrop
{
    /// <summary>How many times a dropped connection is tried again before the host is reported unreachable.</summary>
    public const int Retries = 6;

    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(2);

    /// <summary>True when <paramref name="e"/> says the server closed or reset the connection before the handshake.</summary>
    public static bool Is(Exception e) => e switch
    {
        SshConnectionException { DisconnectReason: DisconnectReason.ConnectionLost } => true,
        SocketException { SocketErrorCode: SocketError.ConnectionReset or SocketError.ConnectionAborted } => true,
        IOException { InnerException: SocketException inner } => Is(inner),
        _ => false,
    };

    /// <summary>
    /// The pause before retry <paramref name="retry"/> (1-based): 100 ms doubling up to 2 s, each between half and one
    /// and a half times that, so connections dropped together do not all come back together.
    /// </summary>
    public static TimeSpan PauseBefore(int retry)
    {
        var nominal = Math.Min(LongestPause.TotalMilliseconds, FirstPause.TotalMilliseconds * Math.Pow(2, retry - 1));
        return TimeSpan.FromMilliseconds(nominal * (0.5 + Random.Shared.NextDouble()));
    }

    /// <summary>The debug line announcing retry <paramref name="retry"/>.</summary>
    public static string Retrying(int retry, TimeSpan pause) => string.Create(
        CultureInfo.InvariantCulture,
        $"the server closed the connection before the SSH handshake (sshd MaxStartups?); retry {retry} of {Retries} in {pause.TotalMilliseconds:0} ms");

    /// <summary>Why a host that dropped every retry could not be reached.</summary>
    public static string GaveUp(SettingNames? names = null) => string.Create(
        CultureInfo.InvariantCulture,
        $"the server closed the connection before the SSH handshake, {Retries + 1} times in a row (likely its sshd MaxStartups refusing connections opened at once: lower {(names ?? SettingNames.Library).Name(Setting.PoolSize)}, or raise MaxStartups in its sshd_config)");
}
