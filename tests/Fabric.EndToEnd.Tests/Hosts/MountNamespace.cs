namespace Fabric.EndToEnd.Tests.Hosts;

/// <summary>
/// Launchers that start a server in a mount namespace of its own (<c>unshare -m --propagation private</c>) where the
/// machine's files look different: a few names hidden, or only BusyBox on the PATH. Each is a command line that ends by
/// running (<c>exec</c>) the server's command line it is given, so the server's pid is the launcher's. The machine's own
/// folders are never changed; the mounts go away with the namespace's last process.
/// </summary>
internal static class MountNamespace
{
    // The overlay's upper and work folders must be on a file system that supports whiteouts: a tmpfs of the namespace.
    // A whiteout (a 0/0 character device in the upper folder) makes the name absent ("No such file or directory"), as
    // on a host where it was never installed.
    private const string HideScript = """
        set -e
        d=$1; folder=$2; shift 2
        mount -t tmpfs fabric-hide "$d"
        mkdir "$d/upper" "$d/work"
        while [ "$1" != -- ]; do mknod "$d/upper/$1" c 0 0; shift; done
        shift
        mount -t overlay fabric-hide -o "lowerdir=$folder,upperdir=$d/upper,workdir=$d/work" "$folder"
        exec "$@"
        """;

    // Debian 12 merges /bin into /usr/bin, so a tmpfs of BusyBox and its applet links bound over /usr/bin is /bin too.
    // /usr/local/bin and /usr/games (the rest of sshd's PATH for users) become empty. /usr/bin goes last: the mounts
    // before it still use the machine's mount.
    private const string BusyBoxScript = """
        set -e
        d=$1; shift
        mount -t tmpfs fabric-busybox "$d"
        mkdir "$d/bin"
        cp /usr/bin/busybox "$d/bin/busybox"
        for applet in $(/usr/bin/busybox --list); do [ "$applet" = busybox ] || ln -s busybox "$d/bin/$applet"; done
        mount -t tmpfs fabric-busybox /usr/local/bin
        if [ -d /usr/games ]; then mount -t tmpfs fabric-busybox /usr/games; fi
        mount --bind "$d/bin" /usr/bin
        exec "$@"
        """;

    /// <summary>
    /// Runs the server with <paramref name="names"/> hidden in <paramref name="folder"/> (an overlay with whiteouts);
    /// <paramref name="scratch"/> is an empty folder for the overlay's own files.
    /// </summary>
    public static string[] Hiding(string scratch, string folder, params string[] names) =>
        ["unshare", "-m", "--propagation", "private", "sh", "-c", HideScript, "sh", scratch, folder, .. names, "--"];

    /// <summary>
    /// Runs the server where <c>/usr/bin</c> (and so <c>/bin</c>) holds BusyBox and its applets only, and the rest of a
    /// user's PATH is empty: its accounts' <c>/bin/sh</c> is BusyBox's ash, with no GNU tool and no bash to find.
    /// </summary>
    public static string[] BusyBoxOnly(string scratch) =>
        ["unshare", "-m", "--propagation", "private", "sh", "-c", BusyBoxScript, "sh", scratch];
}
