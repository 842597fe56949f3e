namespace Fabric.EndToEnd.Tests.Ssh;

/// <summary>One sshd serves every SSH test; the tests of the collection run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SshdGroup : ICollectionFixture<SshdFixture>
{
    public const string Name = "sshd";
}
