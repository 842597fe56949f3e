using System.Runtime.Loader;
using Fabric.Tool.Fabfiles;
using Xunit.Abstractions;

namespace Fabric.EndToEnd.Tests.Fabfiles;

[Collection(FabfileBuilds.Name)]
public sealed class FabfilePackageTests
{
    private const string Source = """
        using Fabric;
        using Newtonsoft.Json;
        using Humanizer;

        public static class Fabfile
        {
            [Task]
            public static string Serialize() => JsonConvert.SerializeObject(new[] { 1, 2 });

            [Task]
            public static string HumanizerAssembly() => typeof(StringHumanizeExtensions).Assembly.GetName().Name!;
        }
        """;

    // Newtonsoft.Json is what the brief names; the test host may already run a copy of it, which the fabfile
    // then shares. Humanizer is in no part of the tool or of the test host, so it can only come
    // from the fabfile's bin/ or, through its deps.json, from a package folder.
    private const string PackageReferences = """
        <PackageReference Include="Newtonsoft.Json" Version="13.0.1" />
        <PackageReference Include="Humanizer.Core" Version="2.14.1" />
        """;

    private readonly ITestOutputHelper output;

    public FabfilePackageTests(ITestOutputHelper output) => this.output = output;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Fabfile_using_NuGet_packages_loads_and_runs(bool enableDynamicLoading)
    {
        using var project = new TempFabfile(
            Source,
            properties: enableDynamicLoading ? "<EnableDynamicLoading>true</EnableDynamicLoading>" : "",
            items: PackageReferences);

        var loaded = FabfileLoader.Load(null, project.Root, TextWriter.Null);
        var fabfile = loaded.Assembly.GetType("Fabfile")!;

        Assert.Equal("[1,2]", fabfile.GetMethod("Serialize")!.Invoke(null, null));
        Assert.Equal("Humanizer", fabfile.GetMethod("HumanizerAssembly")!.Invoke(null, null));

        // EnableDynamicLoading copies Fabric.dll into bin/: the fabfile must still bind to the tool's copy.
        var context = AssemblyLoadContext.GetLoadContext(loaded.Assembly)!;
        Assert.IsType<TaskAttribute>(Attribute.GetCustomAttribute(fabfile.GetMethod("Serialize")!, typeof(TaskAttribute)));
        Assert.DoesNotContain(context.Assemblies, a => a.GetName().Name == "Fabric");
        foreach (var name in (string[])["Newtonsoft.Json", "Humanizer"])
        {
            var used = context.Assemblies.Concat(AssemblyLoadContext.Default.Assemblies).First(a => a.GetName().Name == name);
            output.WriteLine($"{name} {used.GetName().Version} from {used.Location} ({AssemblyLoadContext.GetLoadContext(used)?.Name})");
        }

        var humanizer = context.Assemblies.Single(a => a.GetName().Name == "Humanizer");
        var bin = Path.GetDirectoryName(loaded.AssemblyPath)!;
        if (enableDynamicLoading)
        {
            Assert.Equal(Path.Combine(bin, "Humanizer.dll"), humanizer.Location);
        }
        else
        {
            Assert.False(File.Exists(Path.Combine(bin, "Humanizer.dll")));
            Assert.Contains(Path.Combine("humanizer.core", "2.14.1", "lib"), humanizer.Location, StringComparison.OrdinalIgnoreCase);
        }
    }
}
