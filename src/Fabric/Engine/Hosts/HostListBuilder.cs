namespace Fabric.Engine.Hosts;

/// <summary>Builds a task's host list by Fabric's precedence (README: "Which hosts a task runs on"): a pure function of its inputs and the role definitions.</summary>
internal static class HostListBuilder
{
    /// <summary>
    /// Takes the first source (command line, attribute, env) that names any host or role; within it joins
    /// the hosts, then the hosts of each role in order, trims whitespace, drops duplicates (first kept),
    /// then removes hosts covered by a global or task exclusion. Never merges sources.
    /// </summary>
    /// <param name="inputs">The sources.</param>
    /// <param name="roleDefinitions">The role definitions; lazy ones are resolved only for roles the chosen source names.</param>
    /// <exception cref="UnknownRoleException">The chosen source names a role that is not defined.</exception>
    /// <exception cref="FabricUsageException">A host string of the chosen source, or an exclusion, is invalid.</exception>
    public static HostList Build(HostListInputs inputs, RoleDefinitions roleDefinitions)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(roleDefinitions);

        var exclusions = ParseAll(inputs.GlobalExcludes, "the excluded hosts (Env.ExcludeHosts)")
            .Concat(ParseAll(inputs.TaskExcludes, "the task's exclude_hosts argument"))
            .ToList();

        var (source, selection) = Choose(inputs);
        if (source == HostListSource.None)
        {
            return new HostList(HostListSource.None, [], []);
        }

        var hosts = Merge(source, selection, roleDefinitions);
        var lookup = hosts.ToLookup(host => exclusions.Exists(host.IsCoveredBy));
        return new HostList(source, [.. lookup[false]], [.. lookup[true]]);
    }

    private static (HostListSource Source, HostSelection Selection) Choose(HostListInputs inputs) =>
        !inputs.CommandLine.IsEmpty ? (HostListSource.CommandLine, inputs.CommandLine)
        : !inputs.Attribute.IsEmpty ? (HostListSource.Attribute, inputs.Attribute)
        : !inputs.Env.IsEmpty ? (HostListSource.Env, inputs.Env)
        : (HostListSource.None, HostSelection.Empty);

    /// <summary>The source's hosts, then each role's, trimmed, parsed, duplicates (by trimmed text) dropped.</summary>
    private static List<HostString> Merge(HostListSource source, HostSelection selection, RoleDefinitions roleDefinitions)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var hosts = new List<HostString>();

        void Add(IEnumerable<string?> entries, string where)
        {
            foreach (var entry in entries)
            {
                var host = HostString.Parse(entry, where);
                if (seen.Add(host.Original))
                {
                    hosts.Add(host);
                }
            }
        }

        var (hostsName, rolesName) = Describe(source);
        Add(selection.Hosts, hostsName);
        var roles = selection.Roles.Select(role => Trimmed(role, rolesName)).Distinct(StringComparer.Ordinal);
        foreach (var role in roles)
        {
            var roleHosts = roleDefinitions.Resolve(role) ?? throw new UnknownRoleException(role, roleDefinitions.Names);
            Add(roleHosts, $"role '{role}'");
        }

        return hosts;
    }

    private static IEnumerable<HostString> ParseAll(IEnumerable<string?> entries, string where) =>
        entries.Select(entry => HostString.Parse(entry, where));

    /// <summary>A role name, trimmed; an empty one names no role (host strings are checked by <see cref="HostString.Parse(string?, string?)"/>).</summary>
    private static string Trimmed(string? entry, string where)
    {
        var text = entry?.Trim();
        return string.IsNullOrEmpty(text)
            ? throw new FabricUsageException($"Empty role name in {where}: each entry must name one.")
            : text;
    }

    /// <summary>How messages name the hosts and the roles of a source.</summary>
    private static (string Hosts, string Roles) Describe(HostListSource source) => source switch
    {
        HostListSource.CommandLine => ("the task's host/hosts argument", "the task's role/roles argument"),
        HostListSource.Attribute => ("the task's [Hosts]", "the task's [Roles]"),
        _ => ("Env.Hosts", "Env.Roles"),
    };
}
