using System.Diagnostics;
using System.Runtime.Loader;
using Fabric.Tool.Fabfiles;
using Xunit.Abstractions;

namespace Fabric.EndToEnd.Tests.Fabfiles;

[Collection(FabfileBuilds.Name)]
public sealed class FabfileLoaderTests : IClassFixture<SimpleFabfileFixture>
{
    private readonly SimpleFabfileFixture fixture;
    private readonly ITestOutputHelper output;

    public FabfileLoaderTests(SimpleFabfileFixture fixture, ITestOutputHelper output)
    {
        this.fixture = fixture;
        this.output = output;
    }

    [Fact]
    public void First_load_builds_and_says_so()
    {
        Assert.True(fixture.First.Built);
        Assert.Equal($"Building {Path.Combine("fabfile", "Fabfile.csproj")}…{Environment.NewLine}", fixture.FirstStatus);
        Assert.Equal(fixture.Project.ProjectPath, fixture.First.ProjectPath);
        Assert.True(File.Exists(fixture.First.AssemblyPath));
    }

    [Fact]
    public void Up_to_date_fabfile_is_not_rebuilt()
    {
        var builtAt = File.GetLastWriteTimeUtc(fixture.First.AssemblyPath);
        var status = new StringWriter();

        var clock = Stopwatch.StartNew();
        var again = FabfileLoader.Load(null, fixture.Project.Root, status);
        clock.Stop();
        output.WriteLine($"up-to-date load: {clock.Elapsed.TotalMilliseconds:F0} ms");

        Assert.False(again.Built);
        Assert.Equal("", status.ToString());
        Assert.Equal(fixture.First.AssemblyPath, again.AssemblyPath);
        Assert.Equal(builtAt, File.GetLastWriteTimeUtc(again.AssemblyPath));
    }

    [Fact]
    public void The_fabfile_assembly_knows_its_location_the_built_file_beside_its_output()
    {
        Assert.Equal(Path.GetFullPath(fixture.First.AssemblyPath), fixture.First.Assembly.Location);
        Assert.True(File.Exists(fixture.First.Assembly.Location));
    }

    [Fact]
    public void Fabfile_binds_to_the_tools_Fabric_assembly()
    {
        var method = fixture.First.Assembly.GetType("Fabfile")!.GetMethod("Hello")!;

        var attribute = method.GetCustomAttributes(inherit: false).Single(a => a.GetType().Name == nameof(TaskAttribute));

        Assert.Same(typeof(TaskAttribute), attribute.GetType());
        Assert.IsType<TaskAttribute>(Attribute.GetCustomAttribute(method, typeof(TaskAttribute)));
    }

    [Fact]
    public void Fabfile_lives_in_its_own_load_context()
    {
        var context = AssemblyLoadContext.GetLoadContext(fixture.First.Assembly);

        Assert.IsType<FabfileLoadContext>(context);
        Assert.NotSame(AssemblyLoadContext.Default, context);
    }

    [Fact]
    public void Xml_documentation_next_to_the_assembly_is_reported()
    {
        Assert.NotNull(fixture.First.XmlDocumentationPath);
        Assert.Contains("Says hello.", File.ReadAllText(fixture.First.XmlDocumentationPath!), StringComparison.Ordinal);
    }

    [Fact]
    public void Built_dll_named_by_the_option_is_loaded_without_a_build()
    {
        var status = new StringWriter();

        var loaded = FabfileLoader.Load(fixture.First.AssemblyPath, Path.GetTempPath(), status);

        Assert.False(loaded.Built);
        Assert.Null(loaded.ProjectPath);
        Assert.Equal("", status.ToString());
        Assert.Equal("hello", loaded.Assembly.GetType("Fabfile")!.GetMethod("Hello")!.Invoke(null, null));
    }
}
