using System.Net.Sockets;
using Renci.SshNet.Common;

namespace Fabric.Engine.Transport.SshNet;

/// <summary>How calls on an SSH.NET channel fail when the channel or its connection is gone.</summary>
internal static class ChannelCalls
{
    /// <summary>For what may fail harmlessly once the command ended or the connection went: end of input, a signal, a resize.</summary>
    public static void Quietly(Action call)
    {
        try
        {
            call();
        }
        catch (Exception e) when (IsConnectionFailure(e) || e is InvalidOperationException)
        {
            // The channel or its connection is gone: there is nothing left to tell.
        }
    }

    public static bool IsConnectionFailure(Exception e) => e is SshException or SocketException or ObjectDisposedException or IOException;
}
