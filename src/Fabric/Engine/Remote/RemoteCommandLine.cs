using System.Text;
using Fabric.Engine.Execution;
using Fabric.Engine.Ssh;

namespace Fabric.Engine.Remote;

/// <summary>
/// Builds the line a remote <c>Run</c>/<c>Sudo</c> executes, as Python Fabric does: the scopes' environment,
/// directory and prefixes joined with <c>&amp;&amp;</c> in front of the command, all inside the user's shell
/// (<c>Env.Shell</c>, default <c>/bin/bash -l -c</c>) as one single-quoted argument, and for <c>Sudo</c> behind
/// <c>sudo -S -p '&lt;marker&gt;' [-u 'user']</c>.
/// </summary>
internal static class RemoteCommandLine
{
    /// <summary>The commands to run before <paramref name="command"/>, joined: <c>export K='V' &amp;&amp; cd 'dir' &amp;&amp; prefix &amp;&amp; command</c>.</summary>
    public static string Inner(string command, ScopeSettings scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var parts = new List<string>();
        if (!scope.PathChanges.IsEmpty)
        {
            var path = "\"$PATH\"";
            foreach (var change in scope.PathChanges)
            {
                var dir = ShellQuoting.QuotePath(change.Directory);
                path = change.Behavior switch
                {
                    PathBehavior.Prepend => dir + ":" + path,
                    PathBehavior.Replace => dir,
                    _ => path + ":" + dir,
                };
            }

            parts.Add("export PATH=" + path);
        }

        foreach (var (name, value) in scope.ShellEnvironment)
        {
            parts.Add($"export {name}={ShellQuoting.Quote(value)}");
        }

        if (scope.RemoteDirectory is { } directory)
        {
            parts.Add("cd " + ShellQuoting.QuotePath(directory));
        }

        parts.AddRange(scope.Prefixes);
        parts.Add(command);
        return string.Join(" && ", parts);
    }

    /// <summary>The inner line wrapped in <paramref name="shell"/>: <c>/bin/bash -l -c 'inner'</c>; an empty shell runs the inner line as is.</summary>
    public static string Wrap(string inner, string? shell) =>
        string.IsNullOrWhiteSpace(shell) ? inner : shell.Trim() + " " + ShellQuoting.Quote(inner);

    /// <summary>
    /// The sudo part: <c>sudo -S -p 'marker' -H -u 'user' </c> (no <c>-u</c> for root/default). Without a terminal, sudo
    /// reads the password from the command's input (<c>-S</c>); on one, from the terminal, which does not echo it. With a
    /// <paramref name="startMarker"/>, the command prints it (on stderr, with no line break) once sudo let it start, so the
    /// caller knows when the input stops being sudo's and becomes the command's.
    /// </summary>
    public static string SudoPrefix(string marker, string? user, string? startMarker = null, bool terminal = false)
    {
        var builder = new StringBuilder(terminal ? "sudo -p " : "sudo -S -p ").Append(ShellQuoting.Quote(marker));
        if (!string.IsNullOrEmpty(user))
        {
            builder.Append(" -H -u ").Append(ShellQuoting.Quote(user));
        }

        builder.Append(' ');
        if (startMarker is not null)
        {
            builder.Append("/bin/sh -c ").Append(ShellQuoting.Quote("printf %s \"$0\" >&2; exec \"$@\"")).Append(' ')
                .Append(ShellQuoting.Quote(startMarker)).Append(' ');
        }

        return builder.ToString();
    }

    /// <summary>
    /// The whole line for a command under the given scope; under sudo when <paramref name="sudo"/> is given. Sudo with no
    /// shell (<c>shell: false</c>) runs the command itself, which cannot start with <c>export</c> or <c>cd</c>: the
    /// scopes' part then comes before <c>sudo</c>, in the login shell that reads the line (the directory carries over to
    /// the command; sudo resets the environment as it always does). Fabric 1.x put it after <c>sudo</c>, where it failed.
    /// </summary>
    public static string Build(string command, ScopeSettings scope, string? shell, SudoLine? sudo = null)
    {
        if (sudo is null)
        {
            return Wrap(Inner(command, scope), shell);
        }

        var prefix = SudoPrefix(sudo.Marker, sudo.User, sudo.StartMarker, sudo.Terminal);
        return string.IsNullOrWhiteSpace(shell) ? Inner(prefix + command, scope) : prefix + Wrap(Inner(command, scope), shell);
    }
}
