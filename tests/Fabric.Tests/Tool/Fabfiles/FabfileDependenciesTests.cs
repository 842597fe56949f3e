using Fabric.Tool.Fabfiles;

namespace Fabric.Tests.Tool.Fabfiles;

public sealed class FabfileDependenciesTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("libgit2.so", "git2")]
    [InlineData("libgit2.so.1", "git2")]
    [InlineData("git2.dll", "git2")]
    [InlineData("libgit2.dylib", "git2")]
    [InlineData("git2", "git2")]
    public void Native_library_names_compare_without_prefix_and_suffix(string fileName, string stem)
    {
        Assert.Equal(stem, FabfileDependencies.NativeStem(fileName));
    }

    [Fact]
    public void Package_folders_come_from_the_assets_file_first()
    {
        var packages = temp.Folder("my-packages");
        temp.Write(
            "fab/obj/project.assets.json",
            $$"""{ "version": 3, "packageFolders": { "{{packages.Replace("\\", "\\\\", StringComparison.Ordinal)}}": {} } }""");
        var project = temp.Write("fab/Fab.csproj");

        var dependencies = FabfileDependencies.Read(temp.PathOf("fab/bin/Fab.dll"), project);

        Assert.Equal(packages, dependencies.PackageFolders[0]);
        Assert.Equal(
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
            dependencies.PackageFolders[^1]);
    }

    [Fact]
    public void Package_assembly_is_found_through_the_deps_json_in_a_package_folder()
    {
        var packages = temp.Folder("my-packages");
        var dll = temp.Write("my-packages/some.lib/1.2.3/lib/net8.0/Some.Lib.dll", "not really");
        temp.Write(
            "fab/obj/project.assets.json",
            $$"""{ "version": 3, "packageFolders": { "{{packages.Replace("\\", "\\\\", StringComparison.Ordinal)}}": {} } }""");
        temp.Write("fab/bin/Fab.deps.json", """
            {
              "runtimeTarget": { "name": ".NETCoreApp,Version=v10.0", "signature": "" },
              "compilationOptions": {},
              "targets": {
                ".NETCoreApp,Version=v10.0": {
                  "Fab/1.0.0": { "dependencies": { "Some.Lib": "1.2.3" }, "runtime": { "Fab.dll": {} } },
                  "Some.Lib/1.2.3": { "runtime": { "lib/net8.0/Some.Lib.dll": {} } }
                }
              },
              "libraries": {
                "Fab/1.0.0": { "type": "project", "serviceable": false, "sha512": "" },
                "Some.Lib/1.2.3": { "type": "package", "serviceable": true, "sha512": "sha512-x", "path": "some.lib/1.2.3" }
              }
            }
            """);

        var dependencies = FabfileDependencies.Read(temp.PathOf("fab/bin/Fab.dll"), temp.Write("fab/Fab.csproj"));

        Assert.Equal(dll, dependencies.ResolveAssembly(new System.Reflection.AssemblyName("Some.Lib")));
        Assert.Null(dependencies.ResolveAssembly(new System.Reflection.AssemblyName("Other.Lib")));
    }
}
