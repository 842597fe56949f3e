using Fabric.Engine.Execution;
using Fabric.Engine.Output;
using Fabric.Engine.Remote;

namespace Fabric.Engine.Files;

/// <summary>
/// Fabric's file helpers on the current host, each a command run through <c>Run</c> or (with <c>useSudo</c>) <c>Sudo</c>,
/// so that the scopes (<c>Cd</c>, <c>Prefix</c>, …), <c>Env.Shell</c>, the sudo password, the host prefix and
/// debug lines are those of any command. The questions (<c>Exists</c>, <c>IsLink</c>, <c>Contains</c>, the check
/// of <c>Append</c>) run hidden, as Fabric hides them, and answer after a marker; one that cannot be answered fails with
/// one line naming the host and why (a warning and "no" under warn-only). The edits (<c>Sed</c>, <c>Comment</c>,
/// <c>Uncomment</c>, <c>Append</c>'s write) are ordinary commands, shown and judged as <c>Run</c> judges them.
/// </summary>
internal static class FileOperations
{
    public static async Task<bool> TestAsync(string what, string path, string script, bool useSudo, bool verbose, CancellationToken cancellationToken)
    {
        var answers = await QueryAsync(what, path, script, useSudo, verbose, cancellationToken).ConfigureAwait(false);
        return answers is ["yes"];
    }

    public static async Task<string?> FirstAsync(IEnumerable<string> paths, bool useSudo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var path in paths)
        {
            if (await TestAsync("exists", path, FileQueries.Exists(path), useSudo, verbose: false, cancellationToken).ConfigureAwait(false))
            {
                return path;
            }
        }

        return null;
    }

    /// <summary>
    /// Appends in batches of lines (each a check and a write of about 24 KB at most: the check holds each line once and
    /// the write again, quoted), each batch checked against the file as the batches before it left it.
    /// </summary>
    public static async Task AppendAsync(string path, IEnumerable<string> texts, bool useSudo, bool partial, bool escape, CancellationToken cancellationToken)
    {
        foreach (var batch in AppendPlan.Batches(AppendPlan.Split(texts), 24 * 1024))
        {
            var plan = new AppendPlan(batch, partial, escape);
            var answers = await QueryAsync("append to", path, plan.Check(path), useSudo, verbose: false, cancellationToken).ConfigureAwait(false);
            if (answers is null)
            {
                return;
            }

            var missing = plan.Missing(answers);
            if (missing.Count > 0)
            {
                await EditAsync("append to", path, plan.Write(path, missing, answers), useSudo, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>An edit: a command shown and judged as <c>Run</c>/<c>Sudo</c> show and judge any.</summary>
    public static Task<CommandResult> EditAsync(string what, string path, string command, bool useSudo, CancellationToken cancellationToken)
    {
        RemoteShell.CurrentTarget(what, path);
        return RemoteShell.RunAsync(useSudo ? "sudo" : "run", command, sudoUser: null, new RemoteCommandOptions(), cancellationToken);
    }

    /// <summary>
    /// Runs a question's script, hidden unless <paramref name="verbose"/>, and returns its answers; null when it could not
    /// answer under warn-only (after a warning that says why), else that failure aborts: one line naming the host and why.
    /// </summary>
    private static async Task<IReadOnlyList<string>?> QueryAsync(string what, string path, string script, bool useSudo, bool verbose, CancellationToken cancellationToken)
    {
        RemoteShell.CurrentTarget(what, path);
        var context = Ambient.Context;
        var scope = Ambient.Scope;
        var quiet = verbose ? scope : scope with
        {
            OutputGroups = scope.OutputGroups.SetItems(OutputGroups.Expand("everything").Select(g => new KeyValuePair<string, bool>(g, false))),
        };
        var (result, why) = await RemoteShell.ExecuteAsync(useSudo ? "sudo" : "run", script, sudoUser: null, new RemoteCommandOptions(), quiet, cancellationToken).ConfigureAwait(false);
        var answers = FileQueries.Answers(result.Stdout);
        if (result.Succeeded && answers.Count > 0 && (answers[^1] is "yes" or "no" or AppendPlan.Checked))
        {
            return answers;
        }

        var message = $"{what} '{path}' on {result.Host} failed: {Cause(result, why)}";
        if (scope.FailureWarns(context.Env.WarnOnly))
        {
            OutputGroups.Write(context, scope, new OutputEvent(OutputKind.Warning, result.Host, message));
            return null;
        }

        throw new CommandFailedException(result, OutputGroups.SecretsOf(context, scope).Mask(message));
    }

    /// <summary>The reason found, else the last line the command wrote on stderr, else its exit code.</summary>
    private static string Cause(CommandResult result, string? why)
    {
        if (why is not null)
        {
            return why;
        }

        var said = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).LastOrDefault(l => l.Length > 0);
        return said is not null ? said.TrimEnd('.') + "."
            : result.Succeeded ? "the host's shell ended without running the check (nothing answered)."
            : $"exit code {result.ExitCode}, nothing on stderr.";
    }
}
