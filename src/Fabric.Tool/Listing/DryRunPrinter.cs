using Fabric.Engine.Arguments;
using Fabric.Engine.Execution;
using Fabric.Engine.Hosts;

namespace Fabric.Tool.Listing;

/// <summary><c>--dry-run</c>: each task of the command line, in order, with its bound arguments and its hosts, and which source chose them.</summary>
internal static class DryRunPrinter
{
    /// <param name="preview">The plan's tasks and their host lists.</param>
    /// <param name="output">Where to print.</param>
    /// <param name="shard">Under <c>--shard K/N</c>: each task's slice is shown below its hosts.</param>
    public static void Print(IReadOnlyList<RunPreview> preview, TextWriter output, HostShard? shard = null)
    {
        ArgumentNullException.ThrowIfNull(preview);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("Dry run: what would run, in order. Nothing is executed and no connection is made.");
        output.WriteLine();
        for (var i = 0; i < preview.Count; i++)
        {
            var (planned, hosts) = (preview[i].Task, preview[i].Hosts);
            output.WriteLine($"{i + 1}. {planned.Task.Name}{Arguments(planned)}");
            var before = string.Join(", ", preview.Take(i).Select(p => $"'{p.Task.Task.Name}'").Distinct());
            output.WriteLine("   " + Hosts(planned, hosts, before));
            if (hosts.Excluded.Count > 0 && !hosts.IsAllExcluded)
            {
                output.WriteLine($"   excluded: {string.Join(", ", hosts.Excluded.Select(h => h.Original))}");
            }

            if (shard is { Count: > 1 } && !(hosts.IsLocalOnly && before.Length > 0))
            {
                output.WriteLine("   " + shard.Describe(hosts, planned.Task.Concurrency.RunsOnce));
            }
        }

        output.WriteLine();
        output.WriteLine("Host lists are built from Env as it is after the fabfile's setup: no task runs, so one that sets Env.Hosts");
        output.WriteLine("(dotnet fab production deploy) decides the hosts of the tasks after it only in the real run.");
    }

    /// <summary>
    /// Where the task would run. A list that comes from <c>Env</c> is shown as it is after the setup (the footer says an
    /// earlier task may change it). An empty one after earlier tasks is not promised a local run: in the most common
    /// Fabric idiom (<c>dotnet fab production uptime</c>) <c>production</c> sets <c>Env.Hosts</c>, and a dry run runs no
    /// task, so it cannot know what they will set.
    /// </summary>
    private static string Hosts(PlannedTask planned, HostList hosts, string before)
    {
        if (hosts.IsLocalOnly)
        {
            return before.Length == 0
                ? "no hosts: runs once, locally"
                : $"no hosts yet (Env.Hosts/Env.Roles are empty after the fabfile's setup): decided when it runs, by the Env.Hosts/Env.Roles "
                    + $"that {before} (run before it) may set; if none is set, it runs once, locally";
        }

        var list = string.Join(", ", hosts.Hosts.Select(h => h.Original));
        var source = hosts.Source switch
        {
            HostListSource.CommandLine => "from the task's command-line arguments",
            HostListSource.Attribute when planned.Task.HostsFromClass => $"from [Hosts]/[Roles] on class {planned.Task.Method.DeclaringType?.Name}",
            HostListSource.Attribute => "from [Hosts]/[Roles] on the method",
            _ => "from Env.Hosts/Env.Roles (-H/-R, the fabfile's setup)",
        };
        return hosts.IsAllExcluded
            ? $"every host {source} is excluded ({string.Join(", ", hosts.Excluded.Select(h => h.Original))}): would be skipped"
            : planned.Task.Concurrency.RunsOnce
                ? $"runs once ([RunsOnce]), on the first host of its list: {hosts.Hosts[0].Original} (hosts {source}: {list})"
                : $"hosts {source}: {list}";
    }

    private static string Arguments(PlannedTask planned)
    {
        if (planned.Task.Parameters.Count == 0)
        {
            return "";
        }

        var pairs = planned.Task.Parameters.Select((p, i) => $"{p.Name}={ValueFormatter.Format(planned.Arguments[i])}");
        return $"({string.Join(", ", pairs)})";
    }
}
