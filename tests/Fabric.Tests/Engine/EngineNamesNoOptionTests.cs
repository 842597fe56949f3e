using System.Text.RegularExpressions;
using Fabric.Tool.CommandLine;

namespace Fabric.Tests.Engine;

/// <summary>
/// The engine is a library the tool is one client of: its sources, comments included, name settings in the library's
/// terms (<c>Env</c> properties, <c>SshOptions</c> members, scopes), never the tool's command-line options, which a
/// program other than the tool does not have.
/// </summary>
public class EngineNamesNoOptionTests
{
    /// <summary>
    /// Programs whose own short options the engine writes (commands it builds, or names in a comment): a short option
    /// written after one of these on the same line, with only options and quoted words between, is theirs.
    /// </summary>
    private static readonly Regex ProgramCommand = new(
        @"(?:\b(?:sudo|ssh|bash|sh|mkdir|cp|mv|rm|sed|grep|ls)|\[)(?:\s+(?:-\S+|'[^']*'))*\s+\[?$", RegexOptions.CultureInvariant);

    /// <summary>
    /// Short options that are another program's but not written after its name: (file under src/Fabric/Engine, the
    /// text that holds them on a line of that file, or null for every line, why they stay).
    /// </summary>
    private static readonly (string File, string? Text, string Reason)[] Allowed =
    [
        ("Ssh/OpenSshCommand.cs", null, "it builds OpenSSH's ssh command line: its -F, -l and -p are ssh's"),
        ("Remote/RemoteCommandLine.cs", " -H -u ", "sudo's options: the target user's home and name"),
        ("Remote/RemoteCommandLine.cs", "no <c>-u</c>", "sudo's option: the target user"),
        ("Files/AppendPlan.cs", "-F -x -e", "grep's options: a fixed string matching a whole line"),
        ("Files/FileQueries.cs", "\"-F -x\"", "grep's options: a fixed string matching a whole line"),
        ("Files/FileQueries.cs", "\"-F\"", "grep's option: a fixed string"),
        ("Files/FileQueries.cs", "\" -i\"", "grep's option: ignore case"),
        ("Ssh/SshHostConfig.cs", "<c>-a</c>", "OpenSSH's algorithm-list syntax: remove a"),
        ("Ssh/SshOptions.cs", "<c>-a</c>", "OpenSSH's algorithm-list syntax: remove a"),
        ("Transport/SshNet/AlgorithmList.cs", "<c>-a,b</c>", "OpenSSH's algorithm-list syntax: remove a and b"),
        ("Transport/SshNet/KeyExchangeOrder.cs", "<c>-a,b</c>", "OpenSSH's algorithm-list syntax: remove a and b"),
    ];

    [Fact]
    public void No_engine_source_line_names_a_command_line_option_of_the_tool()
    {
        var engine = Path.Combine(RepositoryRoot(), "src", "Fabric", "Engine");
        var patterns = Patterns();
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(engine, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(engine, file).Replace('\\', '/');
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                var named = patterns.SelectMany(p => p.Matches(line))
                    .Where(m => !IsOtherProgramsOption(relative, line, m)).Select(m => m.Value).Distinct();
                found.AddRange(named.Select(option => $"{relative}:{i + 1}: {option}: {line.Trim()}"));
            }
        }

        Assert.True(found.Count == 0, "Engine sources that name a tool option (name the setting instead):\n" + string.Join("\n", found));
    }

    [Theory]
    [InlineData("/// <summary>Skipped under <c>--skip-bad-hosts</c>.</summary>", "--skip-bad-hosts")]
    [InlineData("// A --show debug line.", "--show")]
    [InlineData("/// Hosts from <c>-H</c>/<c>-R</c>.", "-H")]
    [InlineData("\"(use -p, Env.Password)\"", "-p")]
    [InlineData("/// the pool size (or 0 for -z's)", "-z")]
    public void An_option_is_found_in_a_comment_or_a_string(string line, string option)
    {
        Assert.Contains(Patterns().SelectMany(p => p.Matches(line)), m => m.Value == option);
    }

    [Theory]
    [InlineData("/// <c>rsync --delete-excluded</c>")]
    [InlineData("/// a non-H word, x-p and --hidden-thing")]
    [InlineData("/// <c>sed -i.bak -E -e 'script' file</c>")]
    [InlineData("/// Env.SkipBadHosts and the task list")]
    public void A_word_that_only_contains_an_option_name_is_not_one(string line)
    {
        Assert.Empty(Patterns().SelectMany(p => p.Matches(line)));
    }

    [Theory]
    [InlineData("/// <c>sudo -S -p 'marker' -H -u 'user'</c>")]
    [InlineData("var place = $\"mkdir -p {folder} && rm -f {inner}\";")]
    [InlineData("/// a folder, as <c>[ -d path ]</c>")]
    public void Another_programs_option_written_after_its_name_is_its_own(string line)
    {
        var mentions = Patterns().SelectMany(p => p.Matches(line)).ToList();
        Assert.NotEmpty(mentions);
        Assert.All(mentions, m => Assert.True(IsOtherProgramsOption("Remote/Example.cs", line, m), m.Value));
    }

    [Theory]
    [InlineData("/// run <c>ssh</c> with the -p password")]
    [InlineData("builder.Append(\" -H -u \");")]
    [InlineData("/// <c>sudo --show debug</c>")]
    [InlineData("/// what a bare dotnet fab runs")]
    public void The_tools_option_is_not_excused_elsewhere(string line)
    {
        var mentions = Patterns().SelectMany(p => p.Matches(line)).ToList();
        Assert.NotEmpty(mentions);
        Assert.Contains(mentions, m => !IsOtherProgramsOption("Remote/Example.cs", line, m));
    }

    /// <summary>
    /// Each option of the tool's parser as a word of its own (<c>--name</c> or <c>-x</c>: not inside a longer option, a
    /// word, a path (<c>./-x</c>) or a file name (<c>-i.bak</c>)), and the tool's own name.
    /// </summary>
    private static List<Regex> Patterns() =>
        [.. CommandLineParser.OptionNames().Append("dotnet fab")
            .Select(o => new Regex($@"(?<![\w\-.]|\./){Regex.Escape(o)}(?![\w\-]|\.\w)", RegexOptions.CultureInvariant))];

    private static bool IsOtherProgramsOption(string file, string line, Match mention)
    {
        if (mention.Value.StartsWith("--", StringComparison.Ordinal) || mention.Value.Contains(' ', StringComparison.Ordinal))
        {
            return false;
        }

        return ProgramCommand.IsMatch(line[..mention.Index]) || Allowed.Where(a => a.File == file).Any(a =>
            a.Text is null || Spans(line, a.Text).Any(s => mention.Index >= s && mention.Index + mention.Length <= s + a.Text.Length));
    }

    private static IEnumerable<int> Spans(string line, string text)
    {
        for (var at = line.IndexOf(text, StringComparison.Ordinal); at >= 0; at = line.IndexOf(text, at + 1, StringComparison.Ordinal))
        {
            yield return at;
        }
    }

    /// <summary>The folder holding Fabric.Tool.sln, found upwards from the test binaries.</summary>
    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Fabric.Tool.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("Fabric.Tool.sln not found above " + AppContext.BaseDirectory);
    }
}
