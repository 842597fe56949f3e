namespace Fabric.Engine.Ssh;

/// <summary>
/// Decides whether to trust the key a host presents during one connection attempt, against the run's
/// known_hosts file: a known key passes, a changed or revoked one is refused, an unknown one is appended
/// with a warning (or refused under <see cref="SshOptions.RejectUnknownHosts"/>).
/// </summary>
internal sealed class HostKeyVerifier(SshOptions options, Lock fileLock, Action<string> warn)
{
    /// <summary>The last verdict, or null when known_hosts is disabled or no key was seen yet.</summary>
    public HostKeyVerdict? Verdict { get; private set; }

    /// <summary>
    /// The key types known_hosts holds for <paramref name="target"/> (none when known_hosts is disabled or unreadable), for
    /// <see cref="Transport.SshNet.HostKeyOrder"/>. Lines it cannot parse are skipped silently here: <see cref="Accept"/> warns of them.
    /// </summary>
    public IReadOnlySet<string> KnownKeyTypes(ConnectionTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var path = options.KnownHostsPath;
        if (options.DisableKnownHosts)
        {
            return new HashSet<string>();
        }

        lock (fileLock)
        {
            try
            {
                return File.Exists(path) ? KnownHostsFile.Parse(File.ReadAllLines(path), new List<string>()).KnownKeyTypes(target.Host, target.Port) : new HashSet<string>();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return new HashSet<string>(); // Accept meets the same failure during the handshake and reports it as before.
            }
        }
    }

    public bool Accept(ConnectionTarget target, byte[] keyBlob)
    {
        if (options.DisableKnownHosts)
        {
            return true;
        }

        var path = options.KnownHostsPath;
        lock (fileLock)
        {
            var warnings = new List<string>();
            var lines = File.Exists(path) ? File.ReadAllLines(path) : [];
            var file = KnownHostsFile.Parse(lines, warnings);
            foreach (var message in warnings)
            {
                warn($"known_hosts {path}: {message}.");
            }

            Verdict = file.Check(target.Host, target.Port, keyBlob);
            if (Verdict == HostKeyVerdict.Unknown && !options.RejectUnknownHosts)
            {
                Append(path, KnownHostsFile.FormatEntry(target.Host, target.Port, keyBlob));
                warn($"Added {KnownHostsFile.NameOf(target.Host, target.Port)} ({KnownHostsFile.KeyTypeOf(keyBlob)}) to the list of known hosts ({path}).");
                return true;
            }

            return Verdict == HostKeyVerdict.Known;
        }
    }

    /// <summary>The one-line reason a refused key stops the connection.</summary>
    public string RefusalMessage(ConnectionTarget target) => Verdict switch
    {
        HostKeyVerdict.Changed =>
            $"Host key for {target.Display} has changed: it differs from the one in {options.KnownHostsPath} (possible man-in-the-middle attack). Remove the old entry if the change is expected.",
        HostKeyVerdict.Revoked => $"Host key for {target.Display} is marked @revoked in {options.KnownHostsPath}.",
        _ => $"Host key for {target.Display} is not in {options.KnownHostsPath}, and unknown hosts are rejected.",
    };

    private static void Append(string path, string entry)
    {
        var directory = System.IO.Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var needsNewline = File.Exists(path) && new FileInfo(path).Length > 0 && !File.ReadAllText(path).EndsWith('\n');
        File.AppendAllText(path, (needsNewline ? "\n" : "") + entry + "\n");
    }
}
