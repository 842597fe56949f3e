namespace Fabric.Engine.Transport;

/// <summary>A host's sudo: the marker its prompt is recognised by, and the password once known (asked once per host).</summary>
internal sealed class SudoState
{
    /// <summary>What <c>sudo -p</c> prints when it wants the password: unique, so no command output can fake it.</summary>
    public string Marker { get; } = $"[fabric-sudo-{Guid.NewGuid():N}] password:";

    /// <summary>What a command under sudo prints once sudo let it start: from then on, its input is the command's.</summary>
    public string StartMarker { get; } = $"[fabric-start-{Guid.NewGuid():N}]";

    /// <summary>Serialises asking for the password, so that parallel sudos on one host ask once.</summary>
    public Lock Gate { get; } = new();

    /// <summary>The password once known.</summary>
    public string? Password { get; set; }
}
