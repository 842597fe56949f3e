using Fabric;
using static Fabric.Api;

namespace Hosts;

/// <summary>The transfers every kind of host is tried with: Put and Get as a fabfile writes them.</summary>
public static class Transfers
{
    /// <summary>Uploads <paramref name="local"/> (a file, or a glob) to <paramref name="remote"/>.</summary>
    [Task]
    public static void Upload(string local, string remote) => Put(local, remote);

    /// <summary>Uploads <paramref name="local"/> to <paramref name="remote"/> as root (<c>useSudo</c>).</summary>
    [Task]
    public static void UploadSudo(string local, string remote) => Put(local, remote, useSudo: true);

    /// <summary>Downloads <paramref name="remote"/> (a file, or a glob) to <paramref name="local"/>.</summary>
    [Task]
    public static void Download(string remote, string local) => Get(remote, local);

    /// <summary>
    /// Uploads every file of the local folder <paramref name="local"/> to the same name in the remote folder
    /// <paramref name="remote"/>, each by its own paths on both sides (taken literally, whatever the name holds: a local
    /// file that exists is not a glob, a remote target never is), then downloads everything in
    /// <paramref name="remote"/> into the local folder <paramref name="back"/>; in warn-only mode, so that each name that
    /// fails says so and the others are still tried.
    /// </summary>
    [Task]
    public static void RoundTripEach(string local, string remote, string back)
    {
        using (WarnOnly())
        {
            foreach (var file in Directory.GetFiles(local).Order(StringComparer.Ordinal))
            {
                Put(file, remote + "/" + System.IO.Path.GetFileName(file));
            }

            Get(remote + "/*", back + "/");
        }
    }
}
