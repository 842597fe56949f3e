using PublicApiGenerator;

namespace Fabric.Tests.PublicApi;

/// <summary>
/// The library's public surface, written out as C#, must equal the approved copy beside this file
/// (<c>Fabric.approved.txt</c>), so that every change to what fabfiles can call shows in review. After a deliberate
/// change, the test writes <c>Fabric.received.txt</c> beside it: compare, then copy it over the approved one.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_public_API_of_Fabric_is_the_approved_one()
    {
        var folder = Path.Combine(SourceFolder(), "PublicApi");
        var approved = Path.Combine(folder, "Fabric.approved.txt");
        var received = Path.Combine(folder, "Fabric.received.txt");
        var api = typeof(Api).Assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false }).ReplaceLineEndings("\n");

        if (!File.Exists(approved) || File.ReadAllText(approved).ReplaceLineEndings("\n") != api)
        {
            File.WriteAllText(received, api);
            Assert.Fail($"The public API differs from {approved}: see {received} (copy it over the approved file if the change is meant).");
        }

        File.Delete(received);
    }

    /// <summary>This test project's source folder (the one holding its .csproj), found upwards from the test binaries.</summary>
    private static string SourceFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Fabric.Tests.csproj")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("Fabric.Tests.csproj not found above " + AppContext.BaseDirectory);
    }
}
