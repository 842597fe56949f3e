using Fabric.EndToEnd.Tests.Infrastructure;

namespace Fabric.EndToEnd.Tests.FirstUse;

/// <summary>
/// A newcomer's machine in a temp folder: its own HOME (so its own global tools, templates and NuGet settings), its
/// own NuGet package folder, and a working folder whose NuGet.Config clears every package source but the local
/// package folder, so nothing can come from the network.
/// </summary>
internal sealed class ScratchMachine : IDisposable
{
    public ScratchMachine(LocalPackages packages)
    {
        Packages = packages;
        Root = Path.Combine(packages.Root, "machine-" + Guid.NewGuid().ToString("N")[..8]);
        Home = Path.Combine(Root, "home");
        Work = Path.Combine(Root, "work");
        Directory.CreateDirectory(Home);
        Directory.CreateDirectory(Work);
        File.WriteAllText(Path.Combine(Work, "NuGet.Config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="fabric-local" value="{packages.Folder}" />
              </packageSources>
            </configuration>
            """);
        GlobalTools = Path.Combine(Home, ".dotnet", "tools");
        NuGetPackages = Path.Combine(Root, "nuget-packages");
        Environment = EnvironmentOf(Home, NuGetPackages);
    }

    /// <summary>
    /// The environment of a newcomer whose home is <paramref name="home"/>: the SDK's and NuGet's settings there, its
    /// global tools first on PATH, packages restored into <paramref name="nugetPackages"/>, no banners.
    /// </summary>
    public static Dictionary<string, string> EnvironmentOf(string home, string nugetPackages) => new()
    {
        ["HOME"] = home,
        ["DOTNET_CLI_HOME"] = home,
        ["NUGET_PACKAGES"] = nugetPackages,
        ["PATH"] = Path.Combine(home, ".dotnet", "tools") + Path.PathSeparator + System.Environment.GetEnvironmentVariable("PATH"),
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
    };

    public LocalPackages Packages { get; }

    public string Root { get; }

    public string Home { get; }

    /// <summary>The newcomer's repository: where they run <c>dotnet new fabfile</c> and <c>dotnet fab</c>.</summary>
    public string Work { get; }

    public string GlobalTools { get; }

    public string NuGetPackages { get; }

    public IDictionary<string, string> Environment { get; }

    /// <summary>Runs <c>dotnet args…</c> in the working folder; fails the test with the output when it fails.</summary>
    public async Task<FabResult> DotnetAsync(params string[] args)
    {
        var result = await ChildProcess.RunAsync(FabTool.DotnetHost, args, Work, Environment);
        Assert.True(result.ExitCode == 0, $"dotnet {string.Join(' ', args)}:\n{result}");
        return result;
    }

    public Task<FabResult> InstallTemplatesAsync() =>
        DotnetAsync("new", "install", Path.Combine(Packages.Folder, $"Fabric.Templates.{Packages.Version}.nupkg"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
