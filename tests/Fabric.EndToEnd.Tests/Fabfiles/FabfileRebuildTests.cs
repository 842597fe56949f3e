using System.Diagnostics;
using Fabric.Tool.Fabfiles;
using Xunit.Abstractions;

namespace Fabric.EndToEnd.Tests.Fabfiles;

[Collection(FabfileBuilds.Name)]
public sealed class FabfileRebuildTests
{
    private readonly ITestOutputHelper output;

    public FabfileRebuildTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void Edited_fabfile_is_rebuilt_and_its_new_code_is_loaded()
    {
        using var project = new TempFabfile(SimpleFabfileFixture.Source);
        var clock = Stopwatch.StartNew();
        var first = FabfileLoader.Load(null, project.Root, TextWriter.Null);
        output.WriteLine($"first load (build): {clock.Elapsed.TotalMilliseconds:F0} ms");
        Assert.True(first.Built);

        project.WriteSource(SimpleFabfileFixture.Source.Replace("\"hello\"", "\"changed\"", StringComparison.Ordinal));
        var status = new StringWriter();
        clock.Restart();
        var second = FabfileLoader.Load(null, project.Root, status);
        output.WriteLine($"load after an edit (build): {clock.Elapsed.TotalMilliseconds:F0} ms");

        Assert.True(second.Built);
        Assert.StartsWith("Building ", status.ToString(), StringComparison.Ordinal);
        Assert.Equal("changed", second.Assembly.GetType("Fabfile")!.GetMethod("Hello")!.Invoke(null, null));

        // The first image, mapped from the same path, is intact: the build replaced the file rather than writing into it.
        Assert.Equal(first.AssemblyPath, first.Assembly.Location);
        Assert.Equal("hello", first.Assembly.GetType("Fabfile")!.GetMethod("Hello")!.Invoke(null, null));
    }
}
