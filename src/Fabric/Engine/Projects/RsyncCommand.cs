using Fabric.Engine.Ssh;

namespace Fabric.Engine.Projects;

/// <summary>What <c>RsyncProject</c> was asked, with the local and remote folders resolved.</summary>
/// <param name="LocalDir">The local folder (a trailing <c>/</c> sends its contents, else the folder itself).</param>
/// <param name="RemoteDir">The remote folder.</param>
/// <param name="Exclude">Patterns for <c>--exclude</c>, each passed literally.</param>
/// <param name="Delete">Pass <c>--delete</c>.</param>
/// <param name="ExtraOpts">More rsync options, in shell syntax, as written.</param>
/// <param name="SshOpts">More ssh options, in rsync's <c>-e</c> syntax, as written.</param>
/// <param name="Upload">True: local to remote; false: remote to local.</param>
/// <param name="DefaultOpts">rsync's usual options (Fabric's <c>-pthrvz</c>), in shell syntax.</param>
internal sealed record RsyncRequest(
    string LocalDir, string RemoteDir, IReadOnlyList<string> Exclude, bool Delete, string ExtraOpts, string SshOpts, bool Upload, string DefaultOpts);

/// <summary>
/// The shell command line <c>RsyncProject</c> runs here, as Fabric's <c>rsync_project</c> built it:
/// <c>rsync [--delete] [--exclude P…] default_opts extra_opts -e 'ssh …' local host:remote</c> (reversed for a download), with
/// <c>-e</c> made from the run's own connection settings (<see cref="OpenSshCommand"/>). Every value is quoted: paths and
/// patterns with spaces or quotes survive both the shell and rsync's own splitting of <c>-e</c>.
/// </summary>
internal static class RsyncCommand
{
    public static string Build(RsyncRequest request, SshRoute route)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(route);
        var words = new List<string> { "rsync" };
        if (request.Delete)
        {
            words.Add("--delete");
        }

        foreach (var pattern in request.Exclude)
        {
            words.Add("--exclude=" + ShellQuoting.Quote(pattern));
        }

        words.Add(request.DefaultOpts.Trim());
        words.Add(request.ExtraOpts.Trim());
        words.Add("-e " + ShellQuoting.Quote(RemoteShell(route, request.SshOpts)));
        var remote = OpenSshCommand.ShellWord(Host(route.Alias) + ":") + Path(request.RemoteDir);
        var local = Path(request.LocalDir);
        words.AddRange(request.Upload ? [local, remote] : [remote, local]);
        return string.Join(' ', words.Where(w => w.Length > 0));
    }

    /// <summary>
    /// rsync's <c>-e</c> value: ssh and its options, each in rsync's own quoting (it splits on spaces and honours <c>'…'</c>,
    /// where <c>''</c> is one quote); <paramref name="sshOpts"/> right after <c>ssh</c>, as written, so that they win (for
    /// an option given twice, ssh takes the first).
    /// </summary>
    internal static string RemoteShell(SshRoute route, string sshOpts)
    {
        var options = OpenSshCommand.Options(route);
        var words = new List<string> { options[0] };
        if (!string.IsNullOrWhiteSpace(sshOpts))
        {
            words.Add(sshOpts.Trim());
        }

        words.AddRange(options.Skip(1).Select(RsyncWord));
        return string.Join(' ', words);
    }

    /// <summary>One word of rsync's <c>-e</c> splitting: plain, or in single quotes with each quote doubled.</summary>
    internal static string RsyncWord(string word) =>
        word.Length > 0 && !word.Any(c => c is ' ' or '\'' or '"') ? word : "'" + word.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>rsync's host part: an IPv6 address in brackets.</summary>
    private static string Host(string host) => host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;

    /// <summary>A path as one shell word; a leading <c>~/</c> is left for the shell (or rsync's remote side) to expand.</summary>
    private static string Path(string path) => path.StartsWith('~') ? ShellQuoting.QuotePath(path) : ShellQuoting.Quote(path);
}
