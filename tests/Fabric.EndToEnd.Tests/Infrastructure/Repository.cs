namespace Fabric.EndToEnd.Tests.Infrastructure;

/// <summary>Paths inside this repository, found from the test's own location.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Fabric.Tool.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Fabric.Tool.sln not found above " + AppContext.BaseDirectory);
    }
}
