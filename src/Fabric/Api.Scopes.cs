using Fabric.Engine.Execution;
using Fabric.Engine.Output;
using Fabric.Engine.Ssh;

namespace Fabric;

/// <summary>Scopes for remote commands and output: <c>using (Cd("/srv/app")) { … }</c>. They nest and flow through <c>await</c>.</summary>
public static partial class Api
{
    /// <summary>
    /// Runs the block's remote commands in <paramref name="path"/> (<c>cd 'path' &amp;&amp; …</c>); <c>Put</c> and <c>Get</c>
    /// resolve relative remote paths against it. A relative path is joined to the enclosing <c>Cd</c>; <c>~</c> and
    /// <c>~/…</c> mean the remote home directory.
    /// </summary>
    /// <param name="path">The remote directory.</param>
    /// <returns>Dispose to leave the scope.</returns>
    public static IDisposable Cd(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Ambient.EnterScope(s => s with { RemoteDirectory = RemotePaths.Join(s.RemoteDirectory, path) });
    }

    /// <summary>
    /// Changes the remote <c>PATH</c> for the block's commands: <c>export PATH="$PATH":'dir'</c> (or prepended, or replaced),
    /// as Fabric's <c>with path(...)</c>: <c>using (AddPath("/opt/app/bin")) Run("app --version");</c>. Nested scopes apply in
    /// order. (Not called <c>Path</c>: under <c>using static Fabric.Api;</c> a method of that name would hide
    /// <c>System.IO.Path</c>, and <c>Path.Combine(…)</c> would not compile.)
    /// </summary>
    /// <param name="path">The directory (or <c>:</c>-separated directories) to add.</param>
    /// <param name="behavior">Append (default), prepend or replace.</param>
    /// <returns>Dispose to leave the scope.</returns>
    public static IDisposable AddPath(string path, PathBehavior behavior = PathBehavior.Append)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Ambient.EnterScope(s => s with { PathChanges = s.PathChanges.Add(new PathChange(path, behavior)) });
    }

    /// <summary>
    /// Runs <paramref name="command"/> before each remote command of the block, joined with <c>&amp;&amp;</c>:
    /// <c>using (Prefix("source venv/bin/activate"))</c>. Nested prefixes run outermost first.
    /// </summary>
    /// <param name="command">A command in the remote shell's syntax (not quoted).</param>
    /// <returns>Dispose to leave the scope.</returns>
    public static IDisposable Prefix(string command)
    {
        ArgumentException.ThrowIfNullOrEmpty(command);
        return Ambient.EnterScope(s => s with { Prefixes = s.Prefixes.Add(command) });
    }

    /// <summary>Exports an environment variable for the block's remote commands: <c>export NAME='value' &amp;&amp; …</c>.</summary>
    /// <param name="name">The variable name (letters, digits, underscore).</param>
    /// <param name="value">Its value, passed literally (quoted for the shell).</param>
    /// <returns>Dispose to leave the scope.</returns>
    public static IDisposable ShellEnv(string name, string value) =>
        ShellEnv(new Dictionary<string, string>(StringComparer.Ordinal) { [name] = value });

    /// <summary>Exports environment variables for the block's remote commands; inner scopes override outer ones.</summary>
    /// <param name="variables">Names and values, passed literally (quoted for the shell).</param>
    /// <returns>Dispose to leave the scope.</returns>
    public static IDisposable ShellEnv(IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        foreach (var (name, value) in variables)
        {
            if (!ShellQuoting.IsVariableName(name))
            {
                throw new ArgumentException($"'{name}' is not a valid environment variable name.", nameof(variables));
            }

            ArgumentNullException.ThrowIfNull(value);
        }

        return Ambient.EnterScope(s => s with { ShellEnvironment = s.ShellEnvironment.SetItems(variables) });
    }

    /// <summary>
    /// Hides output groups for the block: <c>running</c> (<c>run:</c> lines), <c>stdout</c>, <c>stderr</c>, <c>warnings</c>,
    /// <c>status</c>, <c>user</c>, <c>debug</c>, or the aliases <c>output</c> (stdout+stderr), <c>commands</c>
    /// (running+stdout), <c>everything</c>. Results still capture everything.
    /// </summary>
    /// <param name="groups">Group names.</param>
    /// <returns>Dispose to leave the scope.</returns>
    public static IDisposable Hide(params string[] groups) => SetGroups(groups, shown: false);

    /// <summary>Shows output groups for the block (see <see cref="Hide"/>), e.g. <c>Show("debug")</c>.</summary>
    /// <param name="groups">Group names.</param>
    /// <returns>Dispose to leave the scope.</returns>
    public static IDisposable Show(params string[] groups) => SetGroups(groups, shown: true);

    /// <summary>Hides everything and turns warn-only on for the block, like Fabric's <c>quiet()</c>: for commands whose failure is an answer.</summary>
    /// <returns>Dispose to leave the scope.</returns>
    public static IDisposable Quiet()
    {
        var groups = OutputGroups.Expand("everything");
        return Ambient.EnterScope(s => s with
        {
            WarnOnly = true,
            OutputGroups = s.OutputGroups.SetItems(groups.Select(g => new KeyValuePair<string, bool>(g, false))),
        });
    }

    private static IDisposable SetGroups(string[] groups, bool shown)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var expanded = groups.SelectMany(OutputGroups.Expand).ToList();
        return Ambient.EnterScope(s => s with
        {
            OutputGroups = s.OutputGroups.SetItems(expanded.Select(g => new KeyValuePair<string, bool>(g, shown))),
        });
    }

    /// <summary>
    /// Masks <paramref name="values"/> as <c>****</c> in every line of output of the block (commands shown, their output,
    /// warnings, errors, the log file): <c>using (Secrets(token)) Run($"deploy --token {token}");</c>.
    /// For the whole run, add them to <c>Env.Secrets</c>.
    /// </summary>
    public static IDisposable Secrets(params string[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Ambient.EnterScope(s => s with { Secrets = s.Secrets.AddRange(values.Where(v => !string.IsNullOrEmpty(v))) });
    }
}
