namespace Fabric.Engine.Hosts;

/// <summary>Builds a task's host list by SPEC §6: a pure function of its inputs and the role definitions.</summary>
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
    public static HostList Build(HostListInputs inputs, RoleDefinitions roleDefinitions) => throw new NotImplementedException();
}
