using System.Collections.Immutable;
using System.Text;
using Fabric.Engine.Execution;

namespace Fabric.Engine.Output;

/// <summary>
/// Fabric's output groups (<c>running</c>, <c>stdout</c>, <c>stderr</c>, <c>warnings</c>, <c>status</c>, <c>user</c>,
/// <c>debug</c>, and the aliases <c>output</c>, <c>commands</c>, <c>everything</c>), and whether a line is shown
/// under the current <c>Hide</c>/<c>Show</c> scopes. <c>Fatal error</c> lines are always shown.
/// </summary>
internal static class OutputGroups
{
    private static readonly string[] Everything = ["running", "stdout", "stderr", "warnings", "status", "user"];

    /// <summary>The groups a name stands for; throws <see cref="ArgumentException"/> for an unknown name.</summary>
    public static IReadOnlyList<string> Expand(string name) => Known(name) ?? throw new ArgumentException(Unknown(name), nameof(name));

    private static string[]? Known(string name) => name.Trim().ToLowerInvariant() switch
    {
        "output" => ["stdout", "stderr"],
        "commands" => ["running", "stdout"],
        "everything" => Everything,
        "running" or "stdout" or "stderr" or "warnings" or "status" or "user" or "debug" or "aborts" => [name.Trim().ToLowerInvariant()],
        _ => null,
    };

    private static string Unknown(string name) =>
        $"Unknown output group '{name}': use running, stdout, stderr, warnings, status, user, debug, output, commands or everything.";

    /// <summary>The group a kind of line belongs to, or null when it is always shown.</summary>
    public static string? GroupOf(OutputKind kind) => kind switch
    {
        OutputKind.Executing or OutputKind.Command => "running",
        OutputKind.Stdout => "stdout",
        OutputKind.Stderr => "stderr",
        OutputKind.Warning => "warnings",
        OutputKind.Status => "status",
        OutputKind.Debug => "debug",
        OutputKind.User => "user",
        _ => null,
    };

    /// <summary>
    /// The run-wide choice of groups to hide and show (show wins when both name a group), as the lowest layer
    /// beneath the <c>Hide</c>/<c>Show</c> scopes.
    /// </summary>
    /// <exception cref="FabricUsageException">An unknown group name.</exception>
    public static ImmutableDictionary<string, bool> Of(IEnumerable<string> hide, IEnumerable<string> show)
    {
        IEnumerable<string> Groups(string name) => Known(name) ?? throw new FabricUsageException(Unknown(name));
        return ImmutableDictionary.Create<string, bool>(StringComparer.Ordinal)
            .SetItems(hide.SelectMany(Groups).Select(g => new KeyValuePair<string, bool>(g, false)))
            .SetItems(show.SelectMany(Groups).Select(g => new KeyValuePair<string, bool>(g, true)));
    }

    /// <summary>Whether a line of this kind is shown: the innermost scope's choice, else the run's, else shown (debug: hidden).</summary>
    public static bool IsShown(OutputKind kind, ScopeSettings scope, ImmutableDictionary<string, bool> runGroups)
    {
        var group = GroupOf(kind);
        if (group is null || (scope.OutputGroups.IsEmpty && runGroups.IsEmpty))
        {
            return group != "debug";
        }

        return scope.OutputGroups.TryGetValue(group, out var shown) || runGroups.TryGetValue(group, out shown) ? shown : group != "debug";
    }

    /// <summary>Every value to mask: the run's own secrets, <c>Env.Secrets</c>, and those of the <c>Secrets(...)</c> scopes.</summary>
    public static SecretSet SecretsOf(RunContext context, ScopeSettings scope)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.SecretsFor(scope);
    }

    /// <summary>
    /// Writes <paramref name="line"/> with every secret masked (the run's passwords and prompted answers,
    /// <c>Env.Secrets</c>, <c>Secrets(...)</c> scopes; the start of an unfinished line is cut short of any secret that may
    /// still be completing), marked <see cref="OutputEvent.Hidden"/> when the run or a scope hides its group.
    /// A whole line with no secret in it is passed on as it is: this runs for every line of a command's output.
    /// </summary>
    public static void Write(RunContext context, ScopeSettings scope, OutputEvent line)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(line);
        var secrets = context.SecretsFor(scope);
        if (line.Partial)
        {
            line = line with { Text = SecretMask.Apply(line.Text[..SecretMask.SafeLength(line.Text, secrets.Values)], secrets.Values) };
            if (line.Text.Length == 0)
            {
                return;
            }
        }
        else if (secrets.Mask(line.Text) is var masked && !ReferenceEquals(masked, line.Text))
        {
            line = line with { Text = masked };
        }

        context.Output.Write(IsShown(line.Kind, scope, context.OutputGroups) ? line : line with { Hidden = true });
    }

    /// <summary>
    /// Writes whole lines of a command's output that came together (<see cref="OutputLines"/>): as one block of the bytes
    /// they came as when none holds a secret, else each through <see cref="Write"/>, masked.
    /// </summary>
    public static void WriteLines(RunContext context, ScopeSettings scope, OutputKind kind, string host, ReadOnlySpan<byte> lines)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.SecretsFor(scope).OccursIn(lines))
        {
            ReadOnlySpan<char> text = Encoding.UTF8.GetString(lines);
            for (var end = text.IndexOf('\n'); end >= 0; end = text.IndexOf('\n'))
            {
                Write(context, scope, new OutputEvent(kind, host, new string(text[..end])));
                text = text[(end + 1)..];
            }

            return;
        }

        context.Output.WriteLines(kind, host, lines, hidden: !IsShown(kind, scope, context.OutputGroups));
    }
}
