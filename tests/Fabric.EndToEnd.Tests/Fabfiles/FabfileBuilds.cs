namespace Fabric.EndToEnd.Tests.Fabfiles;

/// <summary>
/// Tests that build fabfile projects run one at a time: each build also builds this checkout's
/// Fabric project, and two builds of one project at once trip over each other's files.
/// </summary>
[CollectionDefinition(Name)]
public sealed class FabfileBuilds
{
    public const string Name = "Fabfile builds";
}
