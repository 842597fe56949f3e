using Fabric.Engine;
using Fabric.Engine.Output;

namespace Fabric.Tool.Console;

/// <summary>
/// Which output groups are shown (<c>--hide</c>/<c>--show</c>): running, stdout, stderr, status, warnings,
/// debug, and <c>everything</c>. Fatal errors and a task's own lines are always shown; debug starts hidden.
/// </summary>
internal sealed class OutputGroups
{
    private static readonly string[] Known = ["running", "stdout", "stderr", "status", "warnings", "debug", "everything"];
    private readonly HashSet<string> _hidden = new(StringComparer.OrdinalIgnoreCase) { "debug" };

    public OutputGroups(IEnumerable<string> hide, IEnumerable<string> show)
    {
        foreach (var group in Check(hide))
        {
            _hidden.UnionWith(Expand(group));
        }

        foreach (var group in Check(show))
        {
            _hidden.ExceptWith(Expand(group));
        }
    }

    public bool IsShown(OutputKind kind) => GroupOf(kind) is not { } group || !_hidden.Contains(group);

    public bool IsShown(string group) => !_hidden.Contains(group);

    private static string? GroupOf(OutputKind kind) => kind switch
    {
        OutputKind.Executing or OutputKind.Command => "running",
        OutputKind.Stdout => "stdout",
        OutputKind.Stderr => "stderr",
        OutputKind.Status => "status",
        OutputKind.Warning => "warnings",
        OutputKind.Debug => "debug",
        _ => null,
    };

    private static string[] Expand(string group) =>
        group.Equals("everything", StringComparison.OrdinalIgnoreCase) ? Known[..^2] : [group];

    private static IEnumerable<string> Check(IEnumerable<string> groups)
    {
        foreach (var group in groups)
        {
            if (!Known.Contains(group, StringComparer.OrdinalIgnoreCase))
            {
                throw new FabricUsageException($"Unknown output group '{group}'. Groups: {string.Join(", ", Known)}.");
            }

            yield return group;
        }
    }
}
