namespace Fabric.Tool.Fabfiles;

/// <summary>
/// How a single-file fabfile (<c>fabfile.cs</c>) is built: <c>dotnet build fabfile.cs</c>, the .NET SDK's file-based
/// program build, with what a fabfile needs implied so that the file itself needs nothing but <c>#:package Fabric@…</c>
/// and its tasks.
/// </summary>
internal static class SingleFileBuild
{
    /// <summary>
    /// Settings for the fabfile's own project only (the file-based program: <c>FileBasedProgram</c> is true there and
    /// nowhere else), imported after <c>Directory.Build.props</c> and before the file's <c>#:property</c> lines, which win:
    /// task descriptions come from the <c>&lt;summary&gt;</c> comments, and an undocumented task is no warning.
    /// </summary>
    private const string PropsText = """
        <Project>
          <!-- Written by dotnet fab: what a single-file fabfile's build implies. Referenced projects import it too: the
               condition keeps it to the fabfile. -->
          <PropertyGroup Condition="'$(FileBasedProgram)' == 'true'">
            <GenerateDocumentationFile Condition="'$(GenerateDocumentationFile)' == ''">true</GenerateDocumentationFile>
            <NoWarn>$(NoWarn);CS1591</NoWarn>
          </PropertyGroup>
        </Project>
        """;

    /// <summary>
    /// The <c>dotnet</c> arguments that build <paramref name="filePath"/> and print its assembly's path. Given on the
    /// command line, as global properties, because the SDK's project for the file sets them itself: <c>OutputType</c>
    /// Library (a fabfile has no <c>Main</c>; it is loaded, not run) and <c>PublishAot</c> false (true by default for
    /// file-based programs, it adds the ILCompiler package to every restore, which an offline package source lacks).
    /// <c>-nodeReuse:false</c> is refused for a file-based build; the environment says it instead (<see cref="Environment"/>).
    /// </summary>
    public static string[] Arguments(string filePath) =>
    [
        "build", filePath, "-nologo", "-v:q", "-p:UseSharedCompilation=false",
        "-p:OutputType=Library", "-p:PublishAot=false", $"-p:CustomAfterMicrosoftCommonProps={WriteProps(filePath)}",
        "-t:Build", "-getProperty:TargetPath",
    ];

    /// <summary>No MSBuild node outlives the build (they would hold the output pipes open: dotnet/msbuild#10530).</summary>
    public static IReadOnlyDictionary<string, string> Environment { get; } =
        new Dictionary<string, string> { ["MSBUILDDISABLENODEREUSE"] = "1" };

    /// <summary>
    /// A compiler line as the user should see it: MSBuild ends each with the project it built, here the SDK's
    /// <c>fabfile.cs.csproj</c>, a file that exists nowhere: left out.
    /// </summary>
    public static string WithoutProjectSuffix(string line, string filePath)
    {
        var suffix = $" [{filePath}.csproj]";
        return line.EndsWith(suffix, StringComparison.Ordinal) ? line[..^suffix.Length] : line;
    }

    private static string WriteProps(string filePath)
    {
        var folder = FabfileStamp.SingleFileStateFolder(filePath);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "dotnet-fab.props");
        if (!File.Exists(path) || File.ReadAllText(path) != PropsText)
        {
            File.WriteAllText(path, PropsText);
        }

        return path;
    }
}
