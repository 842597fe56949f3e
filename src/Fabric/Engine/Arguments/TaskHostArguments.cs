using Fabric.Engine.Hosts;
using Fabric.Engine.Tasks;

namespace Fabric.Engine.Arguments;

/// <summary>
/// The host-list arguments Fabric takes out of a task's named arguments before binding the rest:
/// <c>host</c>, <c>hosts</c>, <c>role</c>, <c>roles</c>, <c>exclude_hosts</c> (also written <c>exclude-hosts</c>).
/// Values are <c>;</c>-separated. <c>host=</c> and <c>hosts=</c> accumulate, as do <c>role</c>/<c>roles</c>.
/// </summary>
/// <param name="Selection">The per-task command-line hosts and roles.</param>
/// <param name="Excludes">The per-task exclusions.</param>
/// <param name="Remaining">The named arguments left for the task's own parameters, in order.</param>
internal sealed record TaskHostArguments(
    HostSelection Selection,
    IReadOnlyList<string> Excludes,
    IReadOnlyList<KeyValuePair<string, string>> Remaining)
{
    /// <summary>
    /// Takes the host-list arguments out of <paramref name="named"/>. An empty item (<c>hosts=a;;b</c>,
    /// <c>hosts=</c>) is a <see cref="FabricUsageException"/>. Host strings are checked with
    /// <see cref="HostString.Parse(string?, string?)"/>. A task parameter that is itself called <c>host</c>, <c>hosts</c>, … can only be given
    /// by position: the binder says so when it is missing.
    /// </summary>
    public static TaskHostArguments Extract(IReadOnlyList<KeyValuePair<string, string>> named)
    {
        ArgumentNullException.ThrowIfNull(named);
        var hosts = new List<string>();
        var roles = new List<string>();
        var excludes = new List<string>();
        var remaining = new List<KeyValuePair<string, string>>();
        foreach (var argument in named)
        {
            switch (TaskNames.Normalize(argument.Key))
            {
                case "host" or "hosts":
                    hosts.AddRange(Items(argument, checkHosts: true));
                    break;
                case "role" or "roles":
                    roles.AddRange(Items(argument, checkHosts: false));
                    break;
                case "excludehosts":
                    excludes.AddRange(Items(argument, checkHosts: true));
                    break;
                default:
                    remaining.Add(argument);
                    break;
            }
        }

        return new TaskHostArguments(new HostSelection(hosts, roles), excludes, remaining);
    }

    /// <summary>True when <paramref name="name"/> is one of the host-selection arguments, which never reach a task parameter.</summary>
    public static bool IsHostArgument(string name) =>
        TaskNames.Normalize(name) is "host" or "hosts" or "role" or "roles" or "excludehosts";

    /// <summary>The <c>;</c>-separated, trimmed items of one argument; an empty one is an error.</summary>
    private static string[] Items(KeyValuePair<string, string> argument, bool checkHosts)
    {
        var items = argument.Value.Split(';', StringSplitOptions.TrimEntries);
        if (items.Contains(string.Empty))
        {
            var what = checkHosts ? "host" : "role";
            throw new FabricUsageException(
                $"Invalid task argument '{argument.Key}={argument.Value}': it has an empty {what} (separate {what}s with ';', as in {argument.Key}=a;b).");
        }

        if (checkHosts)
        {
            foreach (var item in items)
            {
                _ = HostString.Parse(item, $"the task's {argument.Key} argument");
            }
        }

        return items;
    }
}
