using System.Xml.Linq;
using Fabric.EndToEnd.Tests.Infrastructure;

namespace Fabric.EndToEnd.Tests.FirstUse;

/// <summary>
/// Fabric, Fabric.Tool and Fabric.Templates packed once per test run into a temp folder, as install.sh packs them
/// into artifacts/packages (with Fabric's dependency packages copied beside them by Fabric's pack). Packs what the
/// test build already built (<c>--no-build</c>), so no source project is rebuilt under other tests' feet; the tool, as
/// install.sh packs it, precompiled (<c>FabricReadyToRun</c>: its own build, under its RID's folders, on the Fabric
/// already built).
/// </summary>
public sealed class LocalPackages : IAsyncLifetime
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "fab-first-use-" + Guid.NewGuid().ToString("N")[..12]);

    public string Folder => Path.Combine(Root, "packages");

    /// <summary>The one version of every package, from Directory.Build.props.</summary>
    public string Version { get; } =
        XDocument.Load(Repository.Path("Directory.Build.props")).Descendants("Version").Single().Value;

    public async Task InitializeAsync()
    {
        (string Project, string[] Options)[] projects =
        [
            (Repository.Path("src", "Fabric", "Fabric.csproj"), ["--no-build"]),
            (Repository.Path("src", "Fabric.Tool", "Fabric.Tool.csproj"), ["-p:FabricReadyToRun=true", "-p:BuildProjectReferences=false"]),
            // Not referenced by the tests, so perhaps not built yet; it compiles nothing.
            (Repository.Path("templates", "Fabric.Templates.csproj"), []),
        ];
        foreach (var (project, options) in projects)
        {
            string[] args = ["pack", project, "-c", Configuration, "-o", Folder, "-nologo", "-v:q", .. options];
            var pack = await ChildProcess.RunAsync(FabTool.DotnetHost, args, Repository.Root);
            if (pack.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet pack {Path.GetFileName(project)} failed:\n{pack}");
            }
        }
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }

        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class FirstUseSuite : ICollectionFixture<LocalPackages>
{
    public const string Name = "first use";
}
