namespace Fabric.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The <c>tests/fabfiles/precedence</c> fabfile, built once (by the first <c>dotnet fab</c> run) before its tests,
/// which then run one at a time so no two processes build it at once.
/// </summary>
public sealed class PrecedenceFabfile : IAsyncLifetime
{
    public static string Folder => Repository.Path("tests", "fabfiles", "precedence");

    internal FabResult? WarmUp { get; private set; }

    /// <summary>Runs <c>dotnet fab -f tests/fabfiles/precedence args…</c> from the repository root.</summary>
    internal Task<FabResult> RunAsync(params string[] args) => FabTool.RunAsync(Repository.Root, ["-f", Folder, .. args]);

    public async Task InitializeAsync() => WarmUp = await RunAsync("--list");

    public Task DisposeAsync() => Task.CompletedTask;
}

[CollectionDefinition(Name)]
public sealed class PrecedenceSuite : ICollectionFixture<PrecedenceFabfile>
{
    public const string Name = "precedence fabfile";
}
