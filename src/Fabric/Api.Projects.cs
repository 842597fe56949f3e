using Fabric.Engine.Execution;
using Fabric.Engine.Projects;

namespace Fabric;

/// <summary>Projects: Fabric's <c>rsync_project</c> and <c>upload_project</c>; see <c>docs/templates-and-projects.md</c>.</summary>
public static partial class Api
{
    /// <summary>
    /// Synchronises a folder with the current host using this machine's <c>rsync</c>, as Fabric's <c>rsync_project</c>:
    /// <c>rsync [--delete] [--exclude P]… -pthrvz extraOpts -e 'ssh …' localDir host:remoteDir</c>, run as a <see cref="Local(string, bool)"/>
    /// command (its <c>[localhost] local:</c> line and output, warn-only, <paramref name="capture"/>). The <c>ssh</c> it runs logs
    /// in as the run's own connection does: the same user, port, key files (<c>-i</c>, the ssh config's), ssh-agent, known_hosts
    /// file, host-key policy (<c>--reject-unknown-hosts</c>, <c>--disable-known-hosts</c>), ssh config file and jump hosts
    /// (<c>-g</c>, <c>ProxyJump</c>); it never asks anything (<c>BatchMode</c>). The run connects first, so the host key is checked
    /// its way. Needs <c>rsync</c> here and on the host (a missing one is one clear line), and a key: ssh cannot reuse a password
    /// the run logs in with (then say <c>-i</c>, or use <see cref="UploadProject"/>).
    /// <code>RsyncProject("/srv/app/", localDir: "dist/", exclude: ["*.log", ".git"], delete: true);</code>
    /// </summary>
    /// <param name="remoteDir">The remote folder (relative paths follow <see cref="Cd"/>, else the home folder).</param>
    /// <param name="localDir">The local folder (relative: to the <see cref="Lcd"/> folder); with a trailing <c>/</c> its contents go
    /// into <paramref name="remoteDir"/>, without one the folder itself goes inside it (rsync's rule). Null: the current local folder.</param>
    /// <param name="exclude">Patterns not to send (<c>--exclude</c>), each taken literally.</param>
    /// <param name="delete">Remove files on the receiving side that the sending side does not have (<c>--delete</c>).</param>
    /// <param name="extraOpts">More rsync options, in shell syntax (<c>"--chmod=D755,F644 --checksum"</c>).</param>
    /// <param name="sshOpts">More ssh options for <c>-e</c> (<c>"-o Compression=yes"</c>); they come first, so they win over the run's.</param>
    /// <param name="capture">True: keep rsync's output for the result only, without printing it.</param>
    /// <param name="upload">True: send local to remote; false: fetch <paramref name="remoteDir"/> into <paramref name="localDir"/>.</param>
    /// <param name="defaultOpts">rsync's usual options, <c>-pthrvz</c> (permissions, times, links, recursive, verbose, compressed).</param>
    /// <returns>rsync's output and exit code.</returns>
    /// <exception cref="AbortException">rsync is missing here or there, the run logs in only with a password, or rsync failed
    /// (outside warn-only mode).</exception>
    public static CommandResult RsyncProject(
        string remoteDir, string? localDir = null, IEnumerable<string>? exclude = null, bool delete = false, string extraOpts = "", string sshOpts = "",
        bool capture = false, bool upload = true, string defaultOpts = "-pthrvz") =>
        RsyncProjectAsync(remoteDir, localDir, exclude, delete, extraOpts, sshOpts, capture, upload, defaultOpts).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="RsyncProject"/>.</summary>
    /// <param name="remoteDir">The remote folder.</param>
    /// <param name="localDir">The local folder (a trailing <c>/</c> sends its contents); null: the current one.</param>
    /// <param name="exclude">Patterns not to send.</param>
    /// <param name="delete">Remove files the sending side does not have.</param>
    /// <param name="extraOpts">More rsync options, in shell syntax.</param>
    /// <param name="sshOpts">More ssh options for <c>-e</c>.</param>
    /// <param name="capture">True: keep the output for the result only.</param>
    /// <param name="upload">True: local to remote; false: remote to local.</param>
    /// <param name="defaultOpts">rsync's usual options.</param>
    /// <param name="cancellationToken">Stops rsync.</param>
    /// <returns>rsync's output and exit code.</returns>
    public static Task<CommandResult> RsyncProjectAsync(
        string remoteDir, string? localDir = null, IEnumerable<string>? exclude = null, bool delete = false, string extraOpts = "", string sshOpts = "",
        bool capture = false, bool upload = true, string defaultOpts = "-pthrvz", CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(remoteDir);
        ArgumentNullException.ThrowIfNull(extraOpts);
        ArgumentNullException.ThrowIfNull(sshOpts);
        ArgumentNullException.ThrowIfNull(defaultOpts);
        var local = string.IsNullOrEmpty(localDir) ? Ambient.Scope.LocalDirectory ?? Directory.GetCurrentDirectory() : localDir;
        var request = new RsyncRequest(local, remoteDir, [.. exclude ?? []], delete, extraOpts, sshOpts, upload, defaultOpts);
        return ProjectRsync.RunAsync(request, capture, cancellationToken);
    }

    /// <summary>
    /// Sends a local folder to the current host as an archive, as Fabric's <c>upload_project</c>: it is packed here (gzipped tar,
    /// in a private temporary folder), sent with <see cref="Put(string, string?, bool, string?, bool)"/> (checked, staged) into <paramref name="remoteDir"/>, unpacked
    /// there with <c>tar -xozf</c> (which GNU and BusyBox tar both do), and the archive removed on both sides whatever happens. The
    /// folder arrives as <paramref name="remoteDir"/><c>/name</c>, its files owned by the user who unpacks them. Needs no rsync,
    /// and goes over the run's own connection (so a password login is fine).
    /// <code>UploadProject("build/site", "/var/www", useSudo: true);   // → /var/www/site</code>
    /// </summary>
    /// <param name="localDir">The local folder (relative: to the <see cref="Lcd"/> folder); null: the current local folder.</param>
    /// <param name="remoteDir">The remote folder to unpack it in (relative paths follow <see cref="Cd"/>); null: the current remote folder.</param>
    /// <param name="useSudo">Place the archive and unpack it as root.</param>
    /// <exception cref="AbortException">The local folder does not exist, or the upload or unpacking failed.</exception>
    public static void UploadProject(string? localDir = null, string? remoteDir = null, bool useSudo = false) =>
        UploadProjectAsync(localDir, remoteDir, useSudo).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="UploadProject"/>.</summary>
    /// <param name="localDir">The local folder; null: the current one.</param>
    /// <param name="remoteDir">The remote folder to unpack it in; null: the current remote folder.</param>
    /// <param name="useSudo">Place the archive and unpack it as root.</param>
    /// <param name="cancellationToken">Stops the upload.</param>
    /// <returns>Done when the folder is unpacked there.</returns>
    public static Task UploadProjectAsync(string? localDir = null, string? remoteDir = null, bool useSudo = false, CancellationToken cancellationToken = default) =>
        ProjectUpload.RunAsync(localDir, remoteDir, useSudo, cancellationToken);
}
