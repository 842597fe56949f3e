using System.Text.RegularExpressions;
using Fabric.EndToEnd.Tests.Infrastructure;

namespace Fabric.EndToEnd.Tests.FirstUse;

/// <summary>
/// A fabfile that is one file, <c>fabfile.cs</c>, on a newcomer's machine (a scratch HOME, the packed packages as the only
/// source): written by hand as the README shows, and from the template. Each build is a real SDK build (several seconds):
/// one machine and one fabfile serve the whole hand-written sequence.
/// </summary>
[Collection(FirstUseSuite.Name)]
public sealed partial class SingleFileFabfileTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    private readonly LocalPackages packages;

    public SingleFileFabfileTests(LocalPackages packages) => this.packages = packages;

    [Fact]
    public async Task Hand_written_fabfile_cs_lists_runs_is_not_rebuilt_unchanged_is_rebuilt_edited_and_shows_compile_errors()
    {
        using var machine = new ScratchMachine(packages);
        var fabfile = Path.Combine(machine.Work, "fabfile.cs");
        var readme = ReadmeFabfile().Replace("Fabric@0.1.0", $"Fabric@{packages.Version}", StringComparison.Ordinal);
        File.WriteAllText(fabfile, readme);
        var sub = Directory.CreateDirectory(Path.Combine(machine.Work, "src", "app")).FullName;

        var list = await Fab(machine, machine.Work, "--list");
        Assert.Contains("Building fabfile.cs…", list.Stderr, StringComparison.Ordinal);
        Assert.Equal(["Available commands:", "    hello     Says hello from this machine.", "    uptime    Shows how long a host has been up."], list.StdoutLines);
        Assert.Equal(["fabfile.cs"], Directory.GetFiles(machine.Work).Select(Path.GetFileName).Where(f => f != "NuGet.Config"));
        var assembly = BuiltAssembly(machine);
        var builtAt = File.GetLastWriteTimeUtc(assembly);

        // Unchanged: no build (no "Building", the assembly untouched), from a subfolder too; the task runs.
        var hello = await Fab(machine, sub, "hello");
        Assert.DoesNotContain("Building", hello.Stderr, StringComparison.Ordinal);
        Assert.Contains("[localhost] local: uname -sr", hello.StdoutLines);
        Assert.Equal("Done.", hello.StdoutLines[^1]);
        var again = await Fab(machine, machine.Work, "--list");
        Assert.DoesNotContain("Building", again.Stderr, StringComparison.Ordinal);
        Assert.Equal(list.Stdout, again.Stdout);
        var completion = await Fab(machine, sub, "--list-format", "short");
        Assert.Equal(["hello", "uptime"], completion.StdoutLines);
        Assert.Equal(builtAt, File.GetLastWriteTimeUtc(assembly));

        // Edited: rebuilt, and the new task sees the fabfile's folder whatever the current one.
        File.WriteAllText(fabfile, readme.Replace(
            "    /// <summary>Shows how long",
            "    /// <summary>Prints where the fabfile is.</summary>\n    [Task]\n    public static void Where() => Print(Env.FabfileDirectory);\n\n    /// <summary>Shows how long",
            StringComparison.Ordinal));
        var where = await Fab(machine, sub, "where");
        Assert.Contains($"Building {Path.Combine("..", "..", "fabfile.cs")}…", where.Stderr, StringComparison.Ordinal);
        Assert.Equal(machine.Work, where.StdoutLines[0]);

        // A compile error: the compiler's line, with the file's own line number, and exit 2.
        var lines = File.ReadAllLines(fabfile).ToList();
        var helloLine = lines.FindIndex(l => l.Contains("Hello()", StringComparison.Ordinal));
        lines[helloLine] = lines[helloLine].Replace("Local(", "Lokal(", StringComparison.Ordinal);
        File.WriteAllLines(fabfile, lines);
        var broken = await FabTool.RunAsync(machine.Work, ["--list"], machine.Environment, Timeout);
        Assert.Equal(2, broken.ExitCode);
        Assert.True(
            Regex.IsMatch(broken.Stderr, $@"(?m)^{Regex.Escape(fabfile)}\({helloLine + 1},\d+\): error CS0103: The name 'Lokal' does not exist in the current context$"),
            broken.ToString());
        Assert.DoesNotContain(".csproj", broken.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", broken.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_single_file_option_writes_a_working_fabfile_cs_with_the_samples()
    {
        using var machine = new ScratchMachine(packages);
        await machine.InstallTemplatesAsync();

        await machine.DotnetAsync("new", "fabfile", "--single-file");

        Assert.Equal(["NuGet.Config", "fabfile.cs"], Directory.GetFileSystemEntries(machine.Work).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var text = File.ReadAllText(Path.Combine(machine.Work, "fabfile.cs"));
        Assert.StartsWith($"#:package Fabric@{packages.Version}\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("#if", text, StringComparison.Ordinal);
        var list = await Fab(machine, machine.Work, "--list");
        Assert.Equal(["Available commands:", .. FirstUseTests.SampleTasks], list.StdoutLines);
        var bare = await Fab(machine, machine.Work);
        Assert.StartsWith("Hello from ", bare.StdoutLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fabfile_cs_beside_a_fabfile_folder_is_one_clear_error()
    {
        using var machine = new ScratchMachine(packages);
        File.WriteAllText(Path.Combine(machine.Work, "fabfile.cs"), "");
        Directory.CreateDirectory(Path.Combine(machine.Work, "fabfile"));
        File.WriteAllText(Path.Combine(machine.Work, "fabfile", "Fabfile.csproj"), "<Project />");

        var result = await FabTool.RunAsync(machine.Work, ["--list"], machine.Environment, Timeout);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            [$"Error: {machine.Work} holds 2 fabfiles (fabfile/Fabfile.csproj, fabfile.cs); keep one, or name the one to use with -f/--fabfile."],
            result.StderrLines);
    }

    /// <summary>The README's hand-written fabfile.cs: its first C# block that starts with <c>#:package Fabric@</c>.</summary>
    private static string ReadmeFabfile() =>
        CSharpBlock().Matches(File.ReadAllText(Repository.Path("README.md")))
            .Select(m => m.Groups[1].Value)
            .First(block => block.StartsWith("#:package Fabric@", StringComparison.Ordinal));

    /// <summary>The fabfile's assembly, where the SDK built it: under the scratch HOME's file-based program folder.</summary>
    private static string BuiltAssembly(ScratchMachine machine) =>
        Assert.Single(Directory.GetFiles(machine.Home, "fabfile.dll", SearchOption.AllDirectories), f => f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static async Task<FabResult> Fab(ScratchMachine machine, string folder, params string[] args)
    {
        var result = await FabTool.RunAsync(folder, args, machine.Environment, Timeout);
        Assert.True(result.ExitCode == 0, $"dotnet fab {string.Join(' ', args)}:\n{result}");
        return result;
    }

    [GeneratedRegex("```csharp\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
