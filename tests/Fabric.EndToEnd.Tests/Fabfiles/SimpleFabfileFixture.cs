using Fabric.Tool.Fabfiles;

namespace Fabric.EndToEnd.Tests.Fabfiles;

/// <summary>One fabfile with a documented task, built once for every test that only reads it.</summary>
public sealed class SimpleFabfileFixture : IDisposable
{
    internal const string Source = """
        using Fabric;

        public static class Fabfile
        {
            /// <summary>Says hello.</summary>
            [Task]
            public static string Hello() => "hello";
        }
        """;

    public SimpleFabfileFixture()
    {
        Project = new TempFabfile(Source);
        var status = new StringWriter();
        First = FabfileLoader.Load(null, Project.Root, status);
        FirstStatus = status.ToString();
    }

    internal TempFabfile Project { get; }

    /// <summary>The first load, which built the project.</summary>
    internal LoadedFabfile First { get; }

    /// <summary>What the first load printed.</summary>
    internal string FirstStatus { get; }

    public void Dispose() => Project.Dispose();
}
