namespace Fabric.EndToEnd.Tests.Fabfiles;

/// <summary>The checkout these tests were built from: the first folder above the test binaries holding <c>Fabric.Tool.sln</c>.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string FabricProject => System.IO.Path.Combine(Path, "src", "Fabric", "Fabric.csproj");

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "Fabric.Tool.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Fabric.Tool.sln above {AppContext.BaseDirectory}.");
    }
}
