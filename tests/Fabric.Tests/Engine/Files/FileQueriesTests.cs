using Fabric.Engine.Files;

namespace Fabric.Tests.Engine.Files;

/// <summary>The scripts of <c>Exists</c>, <c>IsLink</c> and <c>Contains</c>, run against temporary files under BusyBox and GNU.</summary>
public sealed class FileQueriesTests
{
    public static TheoryData<Userland> Both => UserlandShell.Both;

    private static string Answer(UserlandShell shell, string script)
    {
        var (exit, stdout, stderr) = shell.Run(script);
        Assert.True(exit == 0, stderr);
        return Assert.Single(FileQueries.Answers(stdout));
    }

    [Theory]
    [MemberData(nameof(Both))]
    public void Exists_sees_a_path_with_spaces_quotes_and_dollars_and_under_the_home_folder(Userland userland)
    {
        using var shell = new UserlandShell(userland);
        shell.Write("my 'odd' $file", "");

        Assert.Equal("yes", Answer(shell, FileQueries.Exists(shell.PathOf("my 'odd' $file"))));
        Assert.Equal("yes", Answer(shell, FileQueries.Exists("~/my 'odd' $file")));
        Assert.Equal("yes", Answer(shell, FileQueries.Exists("my 'odd' $file")));
        Assert.Equal("no", Answer(shell, FileQueries.Exists("my 'odd' $fil")));
        Assert.Equal("no", Answer(shell, FileQueries.Exists("my*")));
    }

    [Theory]
    [MemberData(nameof(Both))]
    public void IsLink_is_true_for_a_link_even_a_dangling_one_and_false_for_a_file(Userland userland)
    {
        using var shell = new UserlandShell(userland);
        shell.Write("file", "");
        File.CreateSymbolicLink(shell.PathOf("link"), "file");
        File.CreateSymbolicLink(shell.PathOf("dangling"), "nothing");

        Assert.Equal("yes", Answer(shell, FileQueries.IsLink("link")));
        Assert.Equal("yes", Answer(shell, FileQueries.IsLink("dangling")));
        Assert.Equal("no", Answer(shell, FileQueries.IsLink("file")));
        Assert.Equal("no", Answer(shell, FileQueries.Exists("dangling")));
    }

    [Theory]
    [MemberData(nameof(Both))]
    public void Contains_finds_any_literal_text_on_a_line_and_exact_wants_the_whole_line(Userland userland)
    {
        using var shell = new UserlandShell(userland);
        var texts = ShellWordsTests.Nasty.Where(t => t.Length > 0 && !t.Contains('\n', StringComparison.Ordinal)).ToArray();
        shell.Write("f", string.Concat(texts.Select(t => "<" + t + ">\n")) + "-n\n");

        foreach (var text in texts)
        {
            Assert.True(Answer(shell, FileQueries.Contains("f", text, exact: false, escape: true, caseSensitive: true)) == "yes", text);
            Assert.True(Answer(shell, FileQueries.Contains("f", "<" + text + ">", exact: true, escape: true, caseSensitive: true)) == "yes", text);
            Assert.True(Answer(shell, FileQueries.Contains("f", text, exact: true, escape: true, caseSensitive: true)) == (text == "-n" ? "yes" : "no"), text);
        }
    }

    [Theory]
    [MemberData(nameof(Both))]
    public void Contains_without_escape_takes_an_extended_regular_expression_and_can_ignore_case(Userland userland)
    {
        using var shell = new UserlandShell(userland);
        shell.Write("f", "Listen 8080\n");

        Assert.Equal("yes", Answer(shell, FileQueries.Contains("f", "^Listen [0-9]+$", exact: false, escape: false, caseSensitive: true)));
        Assert.Equal("no", Answer(shell, FileQueries.Contains("f", "^Listen [0-9]+$", exact: false, escape: true, caseSensitive: true)));
        Assert.Equal("no", Answer(shell, FileQueries.Contains("f", "listen 8080", exact: true, escape: true, caseSensitive: true)));
        Assert.Equal("yes", Answer(shell, FileQueries.Contains("f", "listen 8080", exact: true, escape: true, caseSensitive: false)));
        Assert.Equal("yes", Answer(shell, FileQueries.Contains("f", "Listen\n 8080", exact: true, escape: true, caseSensitive: true)));
    }

    [Theory]
    [MemberData(nameof(Both))]
    public void Contains_of_a_missing_file_is_no_and_of_a_folder_or_unreadable_file_an_error_in_greps_words(Userland userland)
    {
        using var shell = new UserlandShell(userland);
        Directory.CreateDirectory(shell.PathOf("dir"));

        var missing = Answer(shell, FileQueries.Contains("nothing", "x", exact: false, escape: true, caseSensitive: true));
        var (exit, stdout, stderr) = shell.Run(FileQueries.Contains("dir", "x", exact: false, escape: true, caseSensitive: true));

        Assert.Equal("no", missing);
        Assert.Equal(2, exit);
        Assert.Empty(FileQueries.Answers(stdout));
        Assert.Equal("grep: dir: Is a directory\n", stderr);
    }

    [Fact]
    public void Answers_are_read_after_the_marker_whatever_a_shell_printed_before()
    {
        Assert.Equal(["yes"], FileQueries.Answers("Welcome to web1!\nfabric-answer:yes\n"));
        Assert.Equal(["3", "checked"], FileQueries.Answers("motdfabric-answer:3\r\nfabric-answer:checked"));
        Assert.Empty(FileQueries.Answers("This account is currently not available.\n"));
    }
}
