using System.Xml.Linq;
using Fabric.EndToEnd.Tests.Infrastructure;

namespace Fabric.EndToEnd.Tests.FirstUse;

/// <summary>
/// <c>install.sh</c> as a developer runs it: from a clone, with <c>NUGET_PACKAGES</c> written without a trailing slash,
/// and the clone deleted afterwards (the package source install.sh adds must not point into it). In a scratch HOME whose only
/// package source is this machine's global package folder (so nothing comes from the network).
/// </summary>
public sealed class InstallScriptTests : IDisposable
{
    private static readonly string MachinePackages =
        (Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"))
        .TrimEnd(Path.DirectorySeparatorChar);

    private readonly string root = Directory.CreateTempSubdirectory("fab-install-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Dependency_packages_are_copied_when_the_package_root_has_no_trailing_slash()
    {
        var output = Path.Combine(root, "packages");
        string[] args =
        [
            "msbuild", Repository.Path("src", "Fabric", "Fabric.csproj"), "-t:CopyDependencyPackages", "-nologo", "-v:q",
            $"-p:NuGetPackageRoot={MachinePackages}", $"-p:PackageOutputPath={output}{Path.DirectorySeparatorChar}",
        ];

        var result = await ChildProcess.RunAsync(FabTool.DotnetHost, args, Repository.Root, timeout: TimeSpan.FromMinutes(3));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(Path.Combine(output, $"ssh.net.{SshNetVersion()}.nupkg")), result.ToString());
    }

    [Fact]
    public async Task Install_from_a_clone_then_the_clone_deleted_leaves_restores_working()
    {
        var home = Directory.CreateDirectory(Path.Combine(root, "home")).FullName;
        Directory.CreateDirectory(Path.Combine(home, ".nuget", "NuGet"));
        File.WriteAllText(Path.Combine(home, ".nuget", "NuGet", "NuGet.Config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="machine" value="{MachinePackages}" />
              </packageSources>
            </configuration>
            """);
        // NUGET_PACKAGES without a trailing slash, as CI set-ups write it.
        var environment = ScratchMachine.EnvironmentOf(home, Path.Combine(root, "nuget-packages"));

        // One install (a full build and pack, a minute or more): a version of its own, so what is found later is this one.
        var clone = Clone("clone-a", version: "0.99.0");
        var installed = await Run("bash", [Path.Combine(clone, "install.sh")], clone, environment);
        Assert.Contains("Installed: dotnet fab 0.99.0", installed.Stdout, StringComparison.Ordinal);
        Assert.Contains("Done.", installed.Stdout, StringComparison.Ordinal);
        Directory.Delete(clone, recursive: true);

        var elsewhere = Directory.CreateDirectory(Path.Combine(root, "elsewhere")).FullName;
        var version = await Run(FabTool.DotnetHost, ["fab", "--version"], elsewhere, environment);
        Assert.StartsWith("dotnet-fab 0.99.0 ", version.Stdout, StringComparison.Ordinal);
        var sources = await Run(FabTool.DotnetHost, ["nuget", "list", "source", "--format", "short"], elsewhere, environment);
        Assert.DoesNotContain(root + Path.DirectorySeparatorChar + "clone-", sources.Stdout, StringComparison.Ordinal);
        await Run(FabTool.DotnetHost, ["new", "console", "-o", "app"], elsewhere, environment);
        var app = Path.Combine(elsewhere, "app");
        var project = Path.Combine(app, "app.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace(
            "</Project>", """<ItemGroup><PackageReference Include="Fabric" Version="0.99.0" /></ItemGroup></Project>""", StringComparison.Ordinal));
        var build = await Run(FabTool.DotnetHost, ["build", "-nologo", "-v:q"], app, environment);
        Assert.DoesNotContain("NU1301", build.Stdout + build.Stderr, StringComparison.Ordinal);
        var template = await Run(FabTool.DotnetHost, ["new", "fabfile", "--single-file"], elsewhere, environment);
        Assert.StartsWith("#:package Fabric@0.99.0", File.ReadAllText(Path.Combine(elsewhere, "fabfile.cs")), StringComparison.Ordinal);
        Assert.NotNull(template);
    }

    /// <summary>A copy of what install.sh needs from this checkout (no build output), at another version if given.</summary>
    private string Clone(string name, string? version)
    {
        var clone = Path.Combine(root, name);
        foreach (var folder in (string[])["src", "templates", "examples"])
        {
            CopyFolder(Repository.Path(folder), Path.Combine(clone, folder));
        }

        foreach (var file in (string[])["Directory.Build.props", "Directory.Packages.props", "global.json", "install.sh"])
        {
            File.Copy(Repository.Path(file), Path.Combine(clone, file));
        }

        if (version is not null)
        {
            var props = Path.Combine(clone, "Directory.Build.props");
            var document = XDocument.Load(props);
            document.Descendants("Version").Single().Value = version;
            document.Save(props);
        }

        return clone;
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var sub in Directory.EnumerateDirectories(from))
        {
            if (Path.GetFileName(sub) is not ("bin" or "obj" or "artifacts"))
            {
                CopyFolder(sub, Path.Combine(to, Path.GetFileName(sub)));
            }
        }
    }

    private static string SshNetVersion() =>
        XDocument.Load(Repository.Path("Directory.Packages.props")).Descendants("PackageVersion")
            .Single(p => (string?)p.Attribute("Include") == "SSH.NET").Attribute("Version")!.Value;

    private static async Task<FabResult> Run(string fileName, string[] args, string folder, IDictionary<string, string> environment)
    {
        var result = await ChildProcess.RunAsync(fileName, args, folder, environment, TimeSpan.FromMinutes(10));
        Assert.True(result.ExitCode == 0, $"{fileName} {string.Join(' ', args)}:\n{result}");
        return result;
    }
}
