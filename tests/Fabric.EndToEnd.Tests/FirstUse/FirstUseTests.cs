using Fabric.EndToEnd.Tests.Infrastructure;

namespace Fabric.EndToEnd.Tests.FirstUse;

/// <summary>
/// The README's first steps on a fresh machine, in a scratch HOME, from the local package folder only: install the
/// tool and the template, <c>dotnet new fabfile</c>, then <c>dotnet fab</c>.
/// </summary>
[Collection(FirstUseSuite.Name)]
public sealed class FirstUseTests
{
    internal static readonly string[] SampleTasks =
    [
        "    deploy    Deploys a branch to the web role.",
        "    disk      Shows free disk space on every host of the web role.",
        "    hello     Says hello from this machine: a local task, no SSH.",
        "    uptime    Shows how long a host has been up: runs on the hosts named by [Hosts].",
    ];

    private readonly LocalPackages packages;

    public FirstUseTests(LocalPackages packages) => this.packages = packages;

    [Fact]
    public async Task Fresh_install_lists_and_runs_a_new_fabfile()
    {
        using var machine = new ScratchMachine(packages);

        await machine.DotnetAsync("tool", "install", "--global", "Fabric.Tool", "--version", packages.Version);
        Assert.True(File.Exists(Path.Combine(machine.GlobalTools, "dotnet-fab")), "the global tool's command is installed");
        var installed = await machine.InstallTemplatesAsync();
        Assert.Contains("fabfile", installed.Stdout, StringComparison.Ordinal);
        await machine.DotnetAsync("new", "fabfile");

        var project = File.ReadAllText(Path.Combine(machine.Work, "fabfile", "Fabfile.csproj"));
        Assert.Contains($"""<PackageReference Include="Fabric" Version="{packages.Version}" />""", project, StringComparison.Ordinal);
        Assert.Contains("<EnableDynamicLoading>true</EnableDynamicLoading>", project, StringComparison.Ordinal);
        Assert.Contains("<GenerateDocumentationFile>true</GenerateDocumentationFile>", project, StringComparison.Ordinal);
        Assert.Equal(["bin/", "obj/"], File.ReadAllLines(Path.Combine(machine.Work, "fabfile", ".gitignore")).Where(l => !l.StartsWith('#')));

        var list = await machine.DotnetAsync("fab", "--list");
        Assert.Equal(["Available commands:", .. SampleTasks], list.StdoutLines);

        var hello = await machine.DotnetAsync("fab", "hello");
        Assert.StartsWith("Hello from ", hello.StdoutLines[0], StringComparison.Ordinal);
        Assert.Contains("[localhost] local: uname -sr", hello.StdoutLines);
        Assert.Equal("Done.", hello.StdoutLines[^1]);

        // Fabric and SSH.NET came from the local folder, the only source, into this machine's own package folder.
        Assert.True(Directory.Exists(Path.Combine(machine.NuGetPackages, "fabric", packages.Version)));
        Assert.True(Directory.Exists(Path.Combine(machine.NuGetPackages, "ssh.net")));
    }

    [Fact]
    public async Task Template_options_name_the_project_set_its_framework_and_leave_out_the_samples()
    {
        using var machine = new ScratchMachine(packages);
        await machine.DotnetAsync("tool", "install", "--global", "Fabric.Tool", "--version", packages.Version);
        await machine.InstallTemplatesAsync();

        await machine.DotnetAsync("new", "fabfile", "--name", "Ops", "--framework", "net10.0", "--no-samples");

        var project = File.ReadAllText(Path.Combine(machine.Work, "fabfile", "Ops.csproj"));
        Assert.Contains("<TargetFramework>net10.0</TargetFramework>", project, StringComparison.Ordinal);
        Assert.DoesNotContain("Deploy", File.ReadAllText(Path.Combine(machine.Work, "fabfile", "Fabfile.cs")), StringComparison.Ordinal);
        var list = await machine.DotnetAsync("fab", "--list");
        Assert.Equal(2, list.StdoutLines.Length);
        Assert.Matches(@"^    hello +Says hello from this machine: a local task, no SSH\.$", list.StdoutLines[1]);
        var bare = await machine.DotnetAsync("fab");
        Assert.StartsWith("Hello from ", bare.StdoutLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_fabfile_builds_in_a_repository_with_strict_analyzers_and_central_package_versions()
    {
        using var machine = new ScratchMachine(packages);
        File.WriteAllText(Path.Combine(machine.Work, "Directory.Build.props"), """
            <Project>
              <PropertyGroup>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <AnalysisLevel>latest-recommended</AnalysisLevel>
                <EnforceCodeStyleInBuild>true</EnforceCodeStyleInBuild>
                <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(machine.Work, "Directory.Packages.props"), "<Project />");
        await machine.InstallTemplatesAsync();
        await machine.DotnetAsync("new", "fabfile");

        var list = await FabTool.RunAsync(machine.Work, ["--list"], machine.Environment);

        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Equal(["Available commands:", .. SampleTasks], list.StdoutLines);
    }

    [Fact]
    public async Task Local_tool_manifest_makes_dotnet_fab_work_in_that_repository()
    {
        using var machine = new ScratchMachine(packages);
        await machine.InstallTemplatesAsync();
        await machine.DotnetAsync("new", "fabfile");

        await machine.DotnetAsync("new", "tool-manifest");
        await machine.DotnetAsync("tool", "install", "Fabric.Tool", "--version", packages.Version);

        Assert.False(Directory.Exists(machine.GlobalTools), "no global tool on this machine: dotnet fab is the local one");
        // .NET 10's `dotnet new tool-manifest` writes it at the top of the repository; earlier SDKs under .config/.
        var manifest = File.ReadAllText(Path.Combine(machine.Work, "dotnet-tools.json"));
        Assert.Contains("\"fabric.tool\"", manifest, StringComparison.Ordinal);
        Assert.Contains("\"dotnet-fab\"", manifest, StringComparison.Ordinal);
        var list = await machine.DotnetAsync("fab", "--list");
        Assert.Equal(["Available commands:", .. SampleTasks], list.StdoutLines);
        var hello = await machine.DotnetAsync("fab", "hello");
        Assert.Equal("Done.", hello.StdoutLines[^1]);

        // The manifest is what a clone of the repository restores the tool from.
        await machine.DotnetAsync("tool", "restore");
    }
}
