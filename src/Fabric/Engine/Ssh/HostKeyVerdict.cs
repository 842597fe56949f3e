namespace Fabric.Engine.Ssh;

/// <summary>What known_hosts says about the key a host presented.</summary>
internal enum HostKeyVerdict
{
    /// <summary>An entry for this host has exactly this key.</summary>
    Known,

    /// <summary>No entry for this host has a key of this type.</summary>
    Unknown,

    /// <summary>An entry for this host has a different key of the same type: possible man-in-the-middle.</summary>
    Changed,

    /// <summary>The key is listed under <c>@revoked</c>.</summary>
    Revoked,
}
