using Fabric.Engine.Files;

namespace Fabric;

/// <summary>
/// Fabric's file helpers (<c>fabric.contrib.files</c>) on the current host: <c>Exists</c>, <c>IsLink</c>, <c>First</c>,
/// <c>Contains</c>, <c>Append</c>, <c>Sed</c>, <c>Comment</c>, <c>Uncomment</c>. Each runs a POSIX command through
/// <see cref="Run"/> (or <see cref="Sudo"/> with <c>useSudo</c>), so <see cref="Cd"/>, <see cref="Prefix"/>, <c>Env.Shell</c>
/// and warn-only apply as to any command; the commands work with GNU and with BusyBox <c>sed</c> and <c>grep</c>. Paths are
/// literal (spaces, quotes, <c>$</c> need no escaping) except a leading <c>~</c>, the home folder; relative paths start in
/// the <see cref="Cd"/> folder. See <c>docs/files.md</c>.
/// </summary>
public static partial class Api
{
    /// <summary>
    /// True when <paramref name="path"/> exists on the current host (<c>test -e</c>: a symbolic link counts when what it
    /// points to exists). The check is hidden, as in Fabric, unless <paramref name="verbose"/>:
    /// <c>if (!Exists("/srv/app/current")) Run("mkdir -p /srv/app/current");</c>.
    /// A check that cannot be made (no such shell, sudo refused) aborts with one line naming the host and why; under warn-only
    /// it warns and returns false.
    /// </summary>
    /// <param name="path">The remote path, taken literally (<c>~/x</c>: in the home folder; relative: in the <see cref="Cd"/> folder).</param>
    /// <param name="useSudo">Check as root, for paths the login user cannot see.</param>
    /// <param name="verbose">Show the command and its output.</param>
    /// <returns>Whether something is there.</returns>
    public static bool Exists(string path, bool useSudo = false, bool verbose = false) =>
        ExistsAsync(path, useSudo, verbose).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="Exists(string, bool, bool)"/>.</summary>
    /// <param name="path">The remote path, taken literally.</param>
    /// <param name="useSudo">Check as root.</param>
    /// <param name="verbose">Show the command and its output.</param>
    /// <param name="cancellationToken">Stops waiting and signals the remote command.</param>
    /// <returns>Whether something is there.</returns>
    public static Task<bool> ExistsAsync(string path, bool useSudo = false, bool verbose = false, CancellationToken cancellationToken = default) =>
        FileOperations.TestAsync("exists", path, FileQueries.Exists(path), useSudo, verbose, cancellationToken);

    /// <summary>
    /// True when <paramref name="path"/> is a symbolic link on the current host (<c>test -L</c>), whether or not what it
    /// points to exists. Hidden unless <paramref name="verbose"/>; failures as for <see cref="Exists(string, bool, bool)"/>.
    /// </summary>
    /// <param name="path">The remote path, taken literally.</param>
    /// <param name="useSudo">Check as root.</param>
    /// <param name="verbose">Show the command and its output.</param>
    /// <returns>Whether it is a symbolic link.</returns>
    public static bool IsLink(string path, bool useSudo = false, bool verbose = false) =>
        IsLinkAsync(path, useSudo, verbose).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="IsLink(string, bool, bool)"/>.</summary>
    /// <param name="path">The remote path, taken literally.</param>
    /// <param name="useSudo">Check as root.</param>
    /// <param name="verbose">Show the command and its output.</param>
    /// <param name="cancellationToken">Stops waiting and signals the remote command.</param>
    /// <returns>Whether it is a symbolic link.</returns>
    public static Task<bool> IsLinkAsync(string path, bool useSudo = false, bool verbose = false, CancellationToken cancellationToken = default) =>
        FileOperations.TestAsync("is-link", path, FileQueries.IsLink(path), useSudo, verbose, cancellationToken);

    /// <summary>
    /// The first of <paramref name="paths"/> that exists on the current host (checked in order with
    /// <see cref="Exists(string, bool, bool)"/>, hidden), or null when none does:
    /// <c>var python = First("/usr/bin/python3", "/usr/local/bin/python3");</c>.
    /// </summary>
    /// <param name="paths">Remote paths, taken literally.</param>
    /// <returns>The first path that exists, as given; null when none does.</returns>
    public static string? First(params string[] paths) => FirstAsync(paths).GetAwaiter().GetResult();

    /// <summary>
    /// The first of <paramref name="paths"/> that exists on the current host, checked in order (as root with
    /// <paramref name="useSudo"/>), or null when none does.
    /// </summary>
    /// <param name="paths">Remote paths, taken literally.</param>
    /// <param name="useSudo">Check as root.</param>
    /// <returns>The first path that exists, as given; null when none does.</returns>
    public static string? First(IEnumerable<string> paths, bool useSudo = false) => FirstAsync(paths, useSudo).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="First(IEnumerable{string}, bool)"/>: <c>await FirstAsync(["/a", "/b"])</c>.</summary>
    /// <param name="paths">Remote paths, taken literally.</param>
    /// <param name="useSudo">Check as root.</param>
    /// <param name="cancellationToken">Stops waiting and signals the remote command.</param>
    /// <returns>The first path that exists, as given; null when none does.</returns>
    public static Task<string?> FirstAsync(IEnumerable<string> paths, bool useSudo = false, CancellationToken cancellationToken = default) =>
        FileOperations.FirstAsync(paths, useSudo, cancellationToken);

    /// <summary>
    /// True when a line of the remote file <paramref name="filename"/> contains <paramref name="text"/> (found with
    /// <c>grep</c>, hidden as in Fabric). By default the text is literal, anywhere in a line:
    /// <c>Contains("/etc/hosts", "127.0.1.1 web1")</c>. A missing file contains nothing (false); a folder, or a file that
    /// cannot be read (try <paramref name="useSudo"/>), aborts with one line naming the host and why (under warn-only: a
    /// warning, and false).
    /// </summary>
    /// <param name="filename">The remote file, taken literally.</param>
    /// <param name="text">
    /// What to look for: literal text on one line (any characters; line breaks are dropped, as Fabric drops them), or with
    /// <paramref name="escape"/> false an extended regular expression (<c>grep -E</c>).
    /// </param>
    /// <param name="exact">True: a whole line must equal the text (with <paramref name="escape"/> false, ignored: anchor the expression yourself).</param>
    /// <param name="useSudo">Read the file as root.</param>
    /// <param name="escape">False: <paramref name="text"/> is an extended regular expression, used as it is.</param>
    /// <param name="caseSensitive">False: ignore case (<c>grep -i</c>).</param>
    /// <returns>Whether a line matches.</returns>
    public static bool Contains(string filename, string text, bool exact = false, bool useSudo = false, bool escape = true, bool caseSensitive = true) =>
        ContainsAsync(filename, text, exact, useSudo, escape, caseSensitive).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="Contains(string, string, bool, bool, bool, bool)"/>.</summary>
    /// <param name="filename">The remote file, taken literally.</param>
    /// <param name="text">Literal text, or with <paramref name="escape"/> false an extended regular expression.</param>
    /// <param name="exact">True: a whole line must equal the text.</param>
    /// <param name="useSudo">Read the file as root.</param>
    /// <param name="escape">False: <paramref name="text"/> is an extended regular expression.</param>
    /// <param name="caseSensitive">False: ignore case.</param>
    /// <param name="cancellationToken">Stops waiting and signals the remote command.</param>
    /// <returns>Whether a line matches.</returns>
    public static Task<bool> ContainsAsync(
        string filename, string text, bool exact = false, bool useSudo = false, bool escape = true, bool caseSensitive = true, CancellationToken cancellationToken = default) =>
        FileOperations.TestAsync("contains", filename, FileQueries.Contains(filename, text, exact, escape, caseSensitive), useSudo, verbose: false, cancellationToken);

    /// <summary>
    /// Appends <paramref name="text"/> to the remote file <paramref name="filename"/> unless it is already there, line by
    /// line, as Fabric's <c>append</c>: <c>Append("~/.bashrc", "export EDITOR=vim");</c> run twice adds the line once. A text
    /// with line breaks is several lines, each added only if missing (a final line break is ignored). The file is created when
    /// missing; when it does not end with a line break, one is added first (Fabric would glue the first line to its last).
    /// The check is hidden; the write is shown: <c>[host] run: printf '%s\n' 'export EDITOR=vim' &gt;&gt; ~/.bashrc</c>, and
    /// nothing runs when every line is there. An empty line is always added, as in Fabric.
    /// </summary>
    /// <param name="filename">The remote file, taken literally.</param>
    /// <param name="text">The line (or lines) to add, written exactly: quotes, <c>$</c>, backslashes and a leading <c>-</c> need no escaping.</param>
    /// <param name="useSudo">Read and write the file as root.</param>
    /// <param name="partial">True: a line counts as present when a line of the file starts with it.</param>
    /// <param name="escape">
    /// False, as Fabric's <c>escape=False</c>: each line goes between single quotes as it is, so that it may close them for
    /// shell syntax (<c>Append(f, "HOST='$(hostname)'", escape: false)</c> writes <c>HOST=web1</c>); the check still looks for
    /// the line as given.
    /// </param>
    /// <exception cref="AbortException">The file cannot be read or written there (under warn-only: a warning).</exception>
    public static void Append(string filename, string text, bool useSudo = false, bool partial = false, bool escape = true) =>
        AppendAsync(filename, text, useSudo, partial, escape).GetAwaiter().GetResult();

    /// <summary>
    /// Appends each of <paramref name="lines"/> to the remote file <paramref name="filename"/> that is not already there, in
    /// order, as <see cref="Append(string, string, bool, bool, bool)"/>: <c>Append("/etc/hosts", ["10.0.0.5 db1", "10.0.0.6 db2"], useSudo: true);</c>.
    /// </summary>
    /// <param name="filename">The remote file, taken literally.</param>
    /// <param name="lines">The lines to add, each written exactly.</param>
    /// <param name="useSudo">Read and write the file as root.</param>
    /// <param name="partial">True: a line counts as present when a line of the file starts with it.</param>
    /// <param name="escape">False: each line goes between single quotes as it is (Fabric's <c>escape=False</c>).</param>
    public static void Append(string filename, IEnumerable<string> lines, bool useSudo = false, bool partial = false, bool escape = true) =>
        AppendAsync(filename, lines, useSudo, partial, escape).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="Append(string, string, bool, bool, bool)"/>.</summary>
    /// <param name="filename">The remote file, taken literally.</param>
    /// <param name="text">The line (or lines) to add.</param>
    /// <param name="useSudo">Read and write the file as root.</param>
    /// <param name="partial">True: a line counts as present when a line of the file starts with it.</param>
    /// <param name="escape">False: each line goes between single quotes as it is.</param>
    /// <param name="cancellationToken">Stops waiting and signals the remote command.</param>
    /// <returns>Done when the lines are in.</returns>
    public static Task AppendAsync(string filename, string text, bool useSudo = false, bool partial = false, bool escape = true, CancellationToken cancellationToken = default) =>
        FileOperations.AppendAsync(filename, [text], useSudo, partial, escape, cancellationToken);

    /// <summary>The asynchronous form of <see cref="Append(string, IEnumerable{string}, bool, bool, bool)"/>.</summary>
    /// <param name="filename">The remote file, taken literally.</param>
    /// <param name="lines">The lines to add.</param>
    /// <param name="useSudo">Read and write the file as root.</param>
    /// <param name="partial">True: a line counts as present when a line of the file starts with it.</param>
    /// <param name="escape">False: each line goes between single quotes as it is.</param>
    /// <param name="cancellationToken">Stops waiting and signals the remote command.</param>
    /// <returns>Done when the lines are in.</returns>
    public static Task AppendAsync(string filename, IEnumerable<string> lines, bool useSudo = false, bool partial = false, bool escape = true, CancellationToken cancellationToken = default) =>
        FileOperations.AppendAsync(filename, lines, useSudo, partial, escape, cancellationToken);

    /// <summary>
    /// Search and replace in the remote file <paramref name="filename"/>, as Fabric's <c>sed</c>:
    /// <c>sed -i.bak -E -e '/limit/ s/before/after/flagsg' file</c>, every match on each line:
    /// <c>Sed("/etc/app.conf", "^port = .*", "port = 8080");</c>. <c>/</c> and quotes in the expressions need no escaping
    /// (a delimiter they do not hold is chosen). The file keeps its owner and mode (sed writes a new file with both and
    /// renames the old one to the backup); a symbolic link is replaced by the edited file. Shown and judged as a
    /// <see cref="Run"/>: a missing file aborts naming the host and sed's words.
    /// </summary>
    /// <param name="filename">The remote file, taken literally.</param>
    /// <param name="before">An extended regular expression (<c>sed -E</c>, POSIX classes such as <c>[[:space:]]</c>), on one line.</param>
    /// <param name="after">
    /// The replacement, in sed's terms: <c>&amp;</c> is the match and <c>\1</c>…<c>\9</c> its groups (write <c>\&amp;</c> and
    /// <c>\\</c> for a literal <c>&amp;</c> and backslash); a line break in it is written as one.
    /// </param>
    /// <param name="limit">An extended regular expression: only lines matching it are changed; empty: every line.</param>
    /// <param name="useSudo">Edit the file as root.</param>
    /// <param name="backup">The suffix of the copy of the file as it was (<c>file.bak</c>); empty: no copy.</param>
    /// <param name="flags">More substitution flags: <c>i</c> ignores case, a number replaces from that match on (<c>g</c> is always on).</param>
    /// <returns>The sed command's result.</returns>
    public static CommandResult Sed(string filename, string before, string after, string limit = "", bool useSudo = false, string backup = ".bak", string flags = "") =>
        SedAsync(filename, before, after, limit, useSudo, backup, flags).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="Sed(string, string, string, string, bool, string, string)"/>.</summary>
    /// <param name="filename">The remote file, taken literally.</param>
    /// <param name="before">An extended regular expression.</param>
    /// <param name="after">The replacement (<c>&amp;</c>, <c>\1</c> as in sed).</param>
    /// <param name="limit">Only lines matching this extended regular expression; empty: every line.</param>
    /// <param name="useSudo">Edit the file as root.</param>
    /// <param name="backup">The suffix of the backup copy; empty: none.</param>
    /// <param name="flags">More substitution flags (<c>i</c>, a number).</param>
    /// <param name="cancellationToken">Stops waiting and signals the remote command.</param>
    /// <returns>The sed command's result.</returns>
    public static Task<CommandResult> SedAsync(
        string filename, string before, string after, string limit = "", bool useSudo = false, string backup = ".bak", string flags = "", CancellationToken cancellationToken = default) =>
        FileOperations.EditAsync("sed", filename, SedScript.Command(filename, backup, SedScript.Substitute(before, after, limit, flags)), useSudo, cancellationToken);

    /// <summary>
    /// Comments out the lines of the remote file <paramref name="filename"/> that match <paramref name="regex"/>, putting
    /// <paramref name="char"/> at the very start of each (Fabric's layout: <c>#   indented</c>):
    /// <c>Comment("/etc/ssh/sshd_config", "^PermitRootLogin");</c>. A leading <c>^</c> and trailing <c>$</c> anchor the whole
    /// expression, as Fabric anchors them (<c>^a|b$</c> means <c>^(a|b)$</c>). A line that already starts with the comment
    /// string (after blanks) is left alone, so commenting twice comments once. Edits with sed as
    /// <see cref="Sed(string, string, string, string, bool, string, string)"/> does (owner, mode, backup).
    /// </summary>
    /// <param name="filename">The remote file, taken literally.</param>
    /// <param name="regex">An extended regular expression the lines to comment out match.</param>
    /// <param name="useSudo">Edit the file as root.</param>
    /// <param name="char">The comment string (<c>#</c>, <c>//</c>, <c>-- </c>), written literally.</param>
    /// <param name="backup">The suffix of the backup copy; empty: none.</param>
    /// <returns>The sed command's result.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Fabric's own parameter name: char='//' ports as @char: \"//\".")]
    public static CommandResult Comment(string filename, string regex, bool useSudo = false, string @char = "#", string backup = ".bak") =>
        CommentAsync(filename, regex, useSudo, @char, backup).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="Comment(string, string, bool, string, string)"/>.</summary>
    /// <param name="filename">The remote file, taken literally.</param>
    /// <param name="regex">An extended regular expression the lines to comment out match.</param>
    /// <param name="useSudo">Edit the file as root.</param>
    /// <param name="char">The comment string, written literally.</param>
    /// <param name="backup">The suffix of the backup copy; empty: none.</param>
    /// <param name="cancellationToken">Stops waiting and signals the remote command.</param>
    /// <returns>The sed command's result.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Fabric's own parameter name: char='//' ports as @char: \"//\".")]
    public static Task<CommandResult> CommentAsync(
        string filename, string regex, bool useSudo = false, string @char = "#", string backup = ".bak", CancellationToken cancellationToken = default) =>
        FileOperations.EditAsync("comment", filename, SedScript.Command(filename, backup, SedScript.Comment(regex, @char)), useSudo, cancellationToken);

    /// <summary>
    /// Uncomments the lines of the remote file <paramref name="filename"/> that match <paramref name="regex"/>, as Fabric's
    /// <c>uncomment</c>: the comment string after any leading blanks goes, with one blank after it (<c>  # foo</c> →
    /// <c>  foo</c>), so uncommenting twice changes nothing more. The expression is matched against the line as it is,
    /// comment included: <c>Uncomment(f, "PermitRootLogin")</c> finds <c>#PermitRootLogin no</c>, <c>"^PermitRootLogin"</c>
    /// does not. Edits with sed as <see cref="Sed(string, string, string, string, bool, string, string)"/> does.
    /// </summary>
    /// <param name="filename">The remote file, taken literally.</param>
    /// <param name="regex">An extended regular expression the (commented) lines match.</param>
    /// <param name="useSudo">Edit the file as root.</param>
    /// <param name="char">The comment string, written literally.</param>
    /// <param name="backup">The suffix of the backup copy; empty: none.</param>
    /// <returns>The sed command's result.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Fabric's own parameter name: char='//' ports as @char: \"//\".")]
    public static CommandResult Uncomment(string filename, string regex, bool useSudo = false, string @char = "#", string backup = ".bak") =>
        UncommentAsync(filename, regex, useSudo, @char, backup).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="Uncomment(string, string, bool, string, string)"/>.</summary>
    /// <param name="filename">The remote file, taken literally.</param>
    /// <param name="regex">An extended regular expression the (commented) lines match.</param>
    /// <param name="useSudo">Edit the file as root.</param>
    /// <param name="char">The comment string, written literally.</param>
    /// <param name="backup">The suffix of the backup copy; empty: none.</param>
    /// <param name="cancellationToken">Stops waiting and signals the remote command.</param>
    /// <returns>The sed command's result.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Fabric's own parameter name: char='//' ports as @char: \"//\".")]
    public static Task<CommandResult> UncommentAsync(
        string filename, string regex, bool useSudo = false, string @char = "#", string backup = ".bak", CancellationToken cancellationToken = default) =>
        FileOperations.EditAsync("uncomment", filename, SedScript.Command(filename, backup, SedScript.Uncomment(regex, @char)), useSudo, cancellationToken);
}
