using Fabric.EndToEnd.Tests.Infrastructure;

namespace Fabric.EndToEnd.Tests.BadInput;

/// <summary>
/// Issue 6's bad-input catalogue, through the real tool: each case is one clear line on stderr, exit code 2,
/// no stack trace, and nothing run (the precedence fabfile's tasks print "ran on" when they run).
/// </summary>
[Collection(PrecedenceSuite.Name)]
public sealed class BadInputCatalogueTests(PrecedenceFabfile fabfile)
{
    [Theory]
    [InlineData("empty host string", "-H| |mytask", "Invalid -H ' ': it has an empty host")]
    [InlineData("empty item in -H", "-H|a,,b|mytask", "Invalid -H 'a,,b': it has an empty host")]
    [InlineData("user without host", "-H|u@|mytask", "Invalid host string 'u@'")]
    [InlineData("host without user", "-H|@h|mytask", "Invalid host string '@h'")]
    [InlineData("port 0", "-H|h:0|mytask", "Invalid host string 'h:0'")]
    [InlineData("port 65536", "-H|h:65536|mytask", "Invalid host string 'h:65536'")]
    [InlineData("port not a number", "-H|h:x|mytask", "Invalid host string 'h:x'")]
    [InlineData("unclosed IPv6 bracket", "-H|[::1|mytask", "Invalid host string '[::1'")]
    [InlineData("bad per-task host", "mytask:host=h:x", "Invalid host string 'h:x'")]
    [InlineData("bad exclusion", "-x|h:0|mytask", "Invalid host string 'h:0'")]
    [InlineData("unknown task", "nosuchtask", "Task 'nosuchtask' not found")]
    [InlineData("misspelt task", "mytsak", "Did you mean: mytask?")]
    [InlineData("unknown parameter", "args:name=a,colour=red", "unknown parameter 'colour' (did you mean 'color'?")]
    [InlineData("bad bool", "args:a,loud=perhaps", "parameter 'loud'")]
    [InlineData("bad timespan", "args:a,wait=soon", "parameter 'wait'")]
    [InlineData("too many positional values", "args:a,1,true,0.5,Red,1s,x,extra", "too many")]
    [InlineData("empty per-task host", "mytask:hosts=a;;b", "'hosts=a;;b': it has an empty host")]
    [InlineData("unknown output group", "--hide|stdot|mytask", "Unknown output group 'stdot'")]
    [InlineData("bad integer", "args:a,count=many", "parameter 'count': 'many' is not a whole number")]
    [InlineData("bad enum", "args:a,color=purple", "parameter 'color'")]
    [InlineData("missing required argument", "args", "missing required parameter 'name'")]
    [InlineData("unbalanced escape", @"args:a\", @"args:a\")]
    [InlineData("unknown role on the command line", "-R|nope|mytask", "Role 'nope' is not defined")]
    [InlineData("unknown role in an attribute", "on-undefined-role", "Role 'nosuchrole' is not defined")]
    [InlineData("setup that throws", "--set|setup=throw|mytask", "setup refused to run (at Fabfile.cs:line")]
    [InlineData("missing key file", "-i|/nonexistent/id_ed25519|-H|h1|mytask", "Key file '/nonexistent/id_ed25519' (-i) does not exist.")]
    [InlineData("unknown option", "--nosuch|mytask", "Unknown option '--nosuch'")]
    [InlineData("bad --port", "--port|0|mytask", "Invalid --port '0'")]
    [InlineData("bad --timeout", "-t|soon|mytask", "Invalid --timeout 'soon'")]
    [InlineData("pool size 0", "-P|-z|0|mytask", "Invalid --pool-size '0'")]
    [InlineData("unusable key exchange list", "--kex-algorithms|nope|mytask", "--kex-algorithms: KexAlgorithms 'nope' leaves no key exchange algorithm")]
    public async Task Bad_input_is_one_line_exit_2_and_nothing_runs(string what, string line, string expected)
    {
        var result = await fabfile.RunAsync(line.Split('|'));

        AssertRejected(result, what, expected);
    }

    [Fact]
    public async Task A_key_file_that_is_not_a_private_key_is_refused_before_anything_runs()
    {
        var notAKey = Path.GetTempFileName();
        await File.WriteAllTextAsync(notAKey, "this is not a key\n");

        var result = await fabfile.RunAsync("-i", notAKey, "-H", "h1", "mytask");

        AssertRejected(result, "not a key", $"Key file '{notAKey}' (-i) cannot be used");
        File.Delete(notAKey);
    }

    [Fact]
    public async Task A_key_file_that_is_a_folder_is_refused_as_one()
    {
        var folder = Directory.CreateTempSubdirectory("fab-key-folder-");

        var result = await fabfile.RunAsync("-i", folder.FullName, "-H", "h1", "mytask");

        AssertRejected(result, "key folder", $"Key file '{folder.FullName}' (-i) is a folder, not a key file.");
        folder.Delete();
    }

    [Fact]
    public async Task A_fabfile_folder_with_two_projects_names_both()
    {
        var folder = Directory.CreateTempSubdirectory("fab-two-projects-");
        Directory.CreateDirectory(Path.Combine(folder.FullName, "fabfile"));
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "fabfile", "One.csproj"), "<Project />");
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "fabfile", "Two.csproj"), "<Project />");

        var result = await FabTool.RunAsync(folder.FullName, ["--list"]);

        AssertRejected(result, "two projects", "One.csproj");
        Assert.Contains("Two.csproj", result.Stderr, StringComparison.Ordinal);
        folder.Delete(recursive: true);
    }

    internal static void AssertRejected(FabResult result, string what, string expected)
    {
        Assert.True(result.ExitCode == 2, $"{what}: {result}");
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.StderrLines, l => !l.StartsWith("Building ", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter '", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(" ran on ", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Executing", result.Stdout, StringComparison.Ordinal);
    }
}
