namespace Fabric.Engine.Hosts;

/// <summary>A host list named a role that <c>Env.RoleDefs</c> does not define.</summary>
internal sealed class UnknownRoleException(string role, IReadOnlyCollection<string> knownRoles)
    : FabricUsageException(Describe(role, knownRoles))
{
    public string Role { get; } = role;

    private static string Describe(string role, IReadOnlyCollection<string> known) =>
        known.Count == 0
            ? $"Role '{role}' is not defined: Env.RoleDefs is empty."
            : $"Role '{role}' is not defined. Defined roles: {string.Join(", ", known)}.";
}
