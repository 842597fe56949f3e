using Fabric.EndToEnd.Tests.Infrastructure;

namespace Fabric.EndToEnd.Tests.Fabfiles;

/// <summary>
/// A real fabfile project in a fresh folder under the system temp folder (outside the repository, so none of
/// its Directory.Build.props or central package versions apply), referencing this checkout's Fabric project.
/// </summary>
internal sealed class TempFabfile : IDisposable
{
    public TempFabfile(string source, string properties = "", string items = "")
    {
        Root = Path.Combine(Path.GetTempPath(), "fab-e2e-" + Guid.NewGuid().ToString("N")[..12]);
        ProjectPath = Path.Combine(Root, "fabfile", "Fabfile.csproj");
        SourcePath = Path.Combine(Root, "fabfile", "Fabfile.cs");
        Directory.CreateDirectory(Path.GetDirectoryName(ProjectPath)!);
        File.WriteAllText(ProjectPath, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <GenerateDocumentationFile>true</GenerateDocumentationFile>
                <NoWarn>$(NoWarn);CS1591</NoWarn>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{Repository.Path("src", "Fabric", "Fabric.csproj")}" />
                {items}
              </ItemGroup>
            </Project>
            """);
        WriteSource(source);
    }

    /// <summary>The folder holding <c>fabfile/</c>: the current directory of a user who runs <c>dotnet fab</c>.</summary>
    public string Root { get; }

    public string ProjectPath { get; }

    public string SourcePath { get; }

    public void WriteSource(string source) => File.WriteAllText(SourcePath, source);

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
