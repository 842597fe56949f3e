using Fabric.EndToEnd.Tests.Infrastructure;

namespace Fabric.EndToEnd.Tests.Execution;

/// <summary><c>--list</c>, <c>--display</c>, <c>--version</c>, <c>--help</c> through the real tool.</summary>
[Collection(PrecedenceSuite.Name)]
public class ListingTests(PrecedenceFabfile fabfile)
{
    [Fact]
    public async Task List_prints_every_task_with_its_summary_top_level_first()
    {
        var result = await fabfile.RunAsync("--list");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Available commands:", result.StdoutLines[0]);
        Assert.Equal(string.Empty, result.Stdout.ReplaceLineEndings("\n").Split('\n')[1]);
        Assert.Contains("    task-a               Prints where it ran.", result.StdoutLines);
        Assert.Equal("    db.migrate           Migrates the schema.", result.StdoutLines[^1]);
    }

    [Fact]
    public async Task List_format_json_parses_back_and_short_lists_names_only()
    {
        var json = await fabfile.RunAsync("--list-format", "json");
        var shortList = await fabfile.RunAsync("-F", "short");

        Assert.Equal(0, json.ExitCode);
        using var document = System.Text.Json.JsonDocument.Parse(json.Stdout);
        var names = document.RootElement.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();
        Assert.Contains("db.migrate", names);
        Assert.Equal(names, shortList.StdoutLines);
    }

    [Fact]
    public async Task An_unknown_list_format_is_a_usage_error()
    {
        var result = await fabfile.RunAsync("--list-format", "fancy");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Invalid --list-format 'fancy'", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_up_to_date_fabfile_is_not_built_again()
    {
        var result = await fabfile.RunAsync("--list");

        Assert.DoesNotContain("Building", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Display_shows_parameters_with_types_and_defaults_and_hosts()
    {
        var result = await fabfile.RunAsync("-d", "ARGS");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("        name: string (required)", result.StdoutLines);
        Assert.Contains("        color: Color = Red", result.StdoutLines);
        Assert.Contains("        wait: TimeSpan = 00:00:00", result.StdoutLines);

        var decorated = await fabfile.RunAsync("--display", "combined");
        Assert.Contains("    Hosts: a, b", decorated.StdoutLines);
        Assert.Contains("    Roles: role1", decorated.StdoutLines);
        Assert.Contains("    (from [Hosts]/[Roles] on the method, unless task:hosts=/roles= is given on the command line)", decorated.StdoutLines);

        var grouped = await fabfile.RunAsync("--display", "db");
        Assert.Contains("    Roles: web", grouped.StdoutLines);
        Assert.Contains("    (from [Hosts]/[Roles] on class Database, unless task:hosts=/roles= is given on the command line)", grouped.StdoutLines);
    }

    [Fact]
    public async Task Display_of_an_unknown_task_suggests_close_names_and_exits_2()
    {
        var result = await fabfile.RunAsync("-d", "combnied");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Did you mean: combined?", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_names_the_tool_and_its_parts()
    {
        var result = await FabTool.RunAsync(Repository.Root, ["--version"]);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("dotnet-fab ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("SSH.NET", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_the_options_without_needing_a_fabfile()
    {
        var result = await FabTool.RunAsync(Path.GetTempPath(), ["--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("-H|--hosts", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("--exclude-hosts", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_fabfile_found_is_a_clear_error_naming_where_it_looked()
    {
        var empty = Directory.CreateTempSubdirectory("fab-nofabfile-");
        var result = await FabTool.RunAsync(empty.FullName, ["--list"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(empty.FullName, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        empty.Delete();
    }
}
