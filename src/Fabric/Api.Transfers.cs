using Fabric.Engine.Transfers;

namespace Fabric;

/// <summary>
/// File transfers to and from the current host, over its cached SSH connection: over SFTP (a channel of that connection)
/// where the server offers it, else through POSIX-only commands; see <c>docs/transfers.md</c>.
/// </summary>
public static partial class Api
{
    /// <summary>
    /// Uploads files to the current host: <paramref name="localPath"/> may be a file, a folder (sent with everything in it),
    /// or a glob in its last part (<c>dist/*.tar.gz</c>); a path that exists is taken as it is, even with <c>*</c> in its
    /// name; relative local paths follow <see cref="Lcd"/>. Each file is written under a temporary name, checked for its full
    /// size and its SHA-256 (hashed on the way out, and on the server with <c>openssl</c> or <c>sha256sum</c>: a host with
    /// neither is checked for size only), then renamed over the target, so an interrupted or damaged upload never leaves a
    /// half-written file; the temporary copy is removed on every other path (a refusal, Ctrl-C, a lost connection). Prints
    /// <c>[host] put: local -> remote</c> for each file, and on a terminal a progress bar for large ones. A failure is one
    /// line naming the host, the file and the server's reason.
    /// </summary>
    /// <param name="localPath">A local file, folder or glob.</param>
    /// <param name="remotePath">
    /// The remote file or folder (relative paths follow <see cref="Cd"/>, <c>~</c> is the home folder). When it is an existing
    /// folder, ends with <c>/</c>, or a local folder is sent, files go inside it (created if needed). A glob matching several
    /// files to a path that is none of these is refused before anything is written (Fabric 1.x wrote each over that path in
    /// turn). Null: the current remote folder.
    /// </param>
    /// <param name="useSudo">
    /// Place the files as root: each is sent into a private folder in <c>/tmp</c> (0700, the file 0600, the login user's),
    /// checked there, then copied into place with <c>sudo</c>; the folder is removed whatever happens.
    /// </param>
    /// <param name="mode">Octal permissions for the uploaded files (<c>"0755"</c>); null: keep the replaced file's, else the default.</param>
    /// <param name="verify">
    /// Compare SHA-256 hashes of each file and its copy before the copy takes the target's place (a mismatch is an error).
    /// False checks the size only and saves the server's reading of the file once more (about 0.15 s of CPU per 200 MB with
    /// <c>openssl</c>).
    /// </param>
    /// <returns>The files copied.</returns>
    /// <exception cref="AbortException">Nothing matched, several files would go to one path, or a file could not be written or came out different (outside warn-only mode).</exception>
    public static TransferResult Put(string localPath, string? remotePath = null, bool useSudo = false, string? mode = null, bool verify = true) =>
        PutAsync(localPath, remotePath, useSudo, mode, verify).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="Put(string, string?, bool, string?, bool)"/>.</summary>
    /// <param name="localPath">A local file, folder or glob.</param>
    /// <param name="remotePath">The remote file or folder; null: the current remote folder.</param>
    /// <param name="useSudo">Place the files as root.</param>
    /// <param name="mode">Octal permissions for the uploaded files.</param>
    /// <param name="verify">Compare SHA-256 hashes of each file and its copy (false: sizes only).</param>
    /// <param name="cancellationToken">Stops the transfer.</param>
    /// <returns>The files copied.</returns>
    public static Task<TransferResult> PutAsync(string localPath, string? remotePath = null, bool useSudo = false, string? mode = null, bool verify = true, CancellationToken cancellationToken = default) =>
        RemoteTransfers.PutAsync(localPath, remotePath, useSudo, mode, verify, cancellationToken);

    /// <summary>
    /// Uploads what <paramref name="content"/> holds to the file <paramref name="remotePath"/> on the current host, as
    /// Fabric's <c>put(StringIO(text), path)</c>: <c>Put(new MemoryStream(Encoding.UTF8.GetBytes(config)), "/etc/app.conf", mode: "0640")</c>.
    /// The stream is read to its end into memory (meant for generated files, not large ones) and written as a file is, through
    /// the same staged, size- and SHA-256-checked upload, so it never lies in a local file; prints
    /// <c>[host] put: &lt;stream of N bytes&gt; -> remote</c>.
    /// </summary>
    /// <param name="content">What to write; read from where it stands to its end, not disposed.</param>
    /// <param name="remotePath">The remote file (relative paths follow <see cref="Cd"/>); an existing folder is refused.</param>
    /// <param name="useSudo">Place the file as root (see <see cref="Put(string, string?, bool, string?, bool)"/>).</param>
    /// <param name="mode">Octal permissions (<c>"0640"</c>); null: keep the replaced file's, else the default.</param>
    /// <returns>The file copied.</returns>
    /// <exception cref="AbortException">The file could not be written (outside warn-only mode), or the path is a folder.</exception>
    public static TransferResult Put(Stream content, string remotePath, bool useSudo = false, string? mode = null) =>
        PutAsync(content, remotePath, useSudo, mode).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="Put(Stream, string, bool, string?)"/>.</summary>
    /// <param name="content">What to write.</param>
    /// <param name="remotePath">The remote file.</param>
    /// <param name="useSudo">Place the file as root.</param>
    /// <param name="mode">Octal permissions.</param>
    /// <param name="cancellationToken">Stops the transfer.</param>
    /// <returns>The file copied.</returns>
    public static Task<TransferResult> PutAsync(Stream content, string remotePath, bool useSudo = false, string? mode = null, CancellationToken cancellationToken = default) =>
        RemoteTransfers.PutStreamAsync(content, remotePath, useSudo, mode, cancellationToken);

    /// <summary>
    /// Downloads files from the current host: <paramref name="remotePath"/> may be a file, a folder (everything in it), or a
    /// glob (<c>/var/log/*.log</c>: <c>*</c>, <c>?</c>, <c>[a-z]</c> in any part; a path that exists is taken as it is);
    /// relative remote paths follow <see cref="Cd"/>. A remote name that is not valid UTF-8 is reported by name, the other
    /// files are fetched. The local path may hold <c>{host}</c>,
    /// <c>{port}</c>, <c>{path}</c>, <c>{dirname}</c> and <c>{basename}</c>, so that many hosts do not overwrite each other's files;
    /// the default is <c>{host}/{path}</c>. Each file is written under a temporary name, checked for its full size and its SHA-256
    /// (hashed on the way in, and on the server), then renamed. Prints <c>[host] get: remote -> local</c> for each file, and on a
    /// terminal a progress bar for large ones.
    /// </summary>
    /// <param name="remotePath">A remote file, folder or glob.</param>
    /// <param name="localPath">A local file, a folder (files go inside it), or a template; relative paths follow <see cref="Lcd"/>.</param>
    /// <param name="useSudo">Read the files as root (listed, read with <c>sudo cat</c> and hashed under sudo).</param>
    /// <param name="verify">
    /// Compare SHA-256 hashes of each file and its copy before the copy takes the target's place (a mismatch is an error).
    /// False checks the size only and saves the server's reading of the file once more.
    /// </param>
    /// <returns>The files copied.</returns>
    /// <exception cref="AbortException">Nothing matched, or a file could not be read or came out different (outside warn-only mode).</exception>
    public static TransferResult Get(string remotePath, string? localPath = null, bool useSudo = false, bool verify = true) =>
        GetAsync(remotePath, localPath, useSudo, verify).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="Get(string, string?, bool, bool)"/>.</summary>
    /// <param name="remotePath">A remote file, folder or glob.</param>
    /// <param name="localPath">A local file, folder or template.</param>
    /// <param name="useSudo">Read the files as root.</param>
    /// <param name="verify">Compare SHA-256 hashes of each file and its copy (false: sizes only).</param>
    /// <param name="cancellationToken">Stops the transfer.</param>
    /// <returns>The files copied.</returns>
    public static Task<TransferResult> GetAsync(string remotePath, string? localPath = null, bool useSudo = false, bool verify = true, CancellationToken cancellationToken = default) =>
        RemoteTransfers.GetAsync(remotePath, localPath, useSudo, verify, cancellationToken);
}
