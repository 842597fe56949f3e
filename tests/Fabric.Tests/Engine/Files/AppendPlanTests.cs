using Fabric.Engine.Files;

namespace Fabric.Tests.Engine.Files;

/// <summary>
/// <c>Append</c>'s check and write, run against temporary files under BusyBox and GNU: a line already there is not
/// written again (whole line, or with <c>partial</c> the start of one), any text is written exactly.
/// </summary>
public sealed class AppendPlanTests
{
    public static TheoryData<Userland> Both => UserlandShell.Both;

    /// <summary>What Append does: the check, then the write of what is missing (if anything).</summary>
    private static void Append(UserlandShell shell, string path, AppendPlan plan)
    {
        var (exit, stdout, stderr) = shell.Run(plan.Check(path));
        Assert.True(exit == 0, stderr);
        var answers = FileQueries.Answers(stdout);
        Assert.Equal(AppendPlan.Checked, answers[^1]);
        var missing = plan.Missing(answers);
        if (missing.Count > 0)
        {
            var write = shell.Run(plan.Write(path, missing, answers));
            Assert.True(write.Exit == 0, write.Stderr);
        }
    }

    private static AppendPlan Plan(bool partial, params string[] texts) => new(AppendPlan.Split(texts), partial, Escape: true);

    [Theory]
    [MemberData(nameof(Both))]
    public void Appending_twice_writes_each_line_once_and_any_text_exactly(Userland userland)
    {
        using var shell = new UserlandShell(userland);
        var lines = ShellWordsTests.Nasty.Where(t => t.Length > 0 && !t.Contains('\n', StringComparison.Ordinal)).ToArray();
        var plan = new AppendPlan(lines, Partial: false, Escape: true);

        Append(shell, "my file", plan);
        Append(shell, "my file", plan);

        Assert.Equal(string.Concat(lines.Select(l => l + "\n")), shell.Read("my file"));
    }

    [Theory]
    [MemberData(nameof(Both))]
    public void Only_the_missing_lines_are_written_in_order(Userland userland)
    {
        using var shell = new UserlandShell(userland);
        shell.Write("f", "b\n");

        Append(shell, "f", Plan(false, "a", "b", "c"));

        Assert.Equal("b\na\nc\n", shell.Read("f"));
    }

    [Theory]
    [MemberData(nameof(Both))]
    public void A_line_that_only_contains_or_starts_a_line_of_the_file_is_still_missing_without_partial(Userland userland)
    {
        using var shell = new UserlandShell(userland);
        shell.Write("f", "export PATH=/usr/bin\n  export A=1\n");

        Append(shell, "f", Plan(false, "export PATH", "export A=1"));

        Assert.Equal("export PATH=/usr/bin\n  export A=1\nexport PATH\nexport A=1\n", shell.Read("f"));
    }

    [Theory]
    [MemberData(nameof(Both))]
    public void With_partial_a_line_starting_with_the_text_counts_as_there(Userland userland)
    {
        using var shell = new UserlandShell(userland);
        shell.Write("f", "export PATH=/usr/bin\n");

        Append(shell, "f", Plan(true, "export PATH=", "PATH=", "export A=$x*(1)"));

        Assert.Equal("export PATH=/usr/bin\nPATH=\nexport A=$x*(1)\n", shell.Read("f"));
    }

    [Theory]
    [MemberData(nameof(Both))]
    public void A_file_ending_without_a_line_break_gets_one_before_the_new_line(Userland userland)
    {
        using var shell = new UserlandShell(userland);
        shell.Write("f", "last");

        Append(shell, "f", Plan(false, "new"));
        Append(shell, "f", Plan(false, "new"));

        Assert.Equal("last\nnew\n", shell.Read("f"));
    }

    [Theory]
    [MemberData(nameof(Both))]
    public void A_missing_file_is_created_under_the_home_folder(Userland userland)
    {
        using var shell = new UserlandShell(userland);

        Append(shell, "~/new file", Plan(false, "a\nb\n"));

        Assert.Equal("a\nb\n", shell.Read("new file"));
    }

    [Theory]
    [MemberData(nameof(Both))]
    public void Without_escape_a_line_goes_between_single_quotes_as_it_is(Userland userland)
    {
        using var shell = new UserlandShell(userland);

        Append(shell, "f", new AppendPlan(["HOME='\"$HOME\"'"], Partial: false, Escape: false));

        Assert.Equal($"HOME={shell.Folder}\n", shell.Read("f"));
    }

    [Theory]
    [MemberData(nameof(Both))]
    public void A_file_that_cannot_be_read_ends_the_check_with_greps_words(Userland userland)
    {
        using var shell = new UserlandShell(userland);
        Directory.CreateDirectory(shell.PathOf("dir"));

        var (exit, _, stderr) = shell.Run(Plan(false, "a").Check("dir"));

        Assert.Equal(2, exit);
        Assert.Contains("dir: Is a directory", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_is_split_into_lines_at_its_line_breaks_ignoring_a_final_one()
    {
        Assert.Equal(["a", "b"], AppendPlan.Split(["a\nb\n"]));
        Assert.Equal(["a", "", "b"], AppendPlan.Split(["a\r\n\r\nb"]));
        Assert.Equal(["a", "b", "c"], AppendPlan.Split(["a", "b\nc"]));
        Assert.Equal([""], AppendPlan.Split([""]));
    }

    [Fact]
    public void A_line_given_twice_or_already_satisfied_by_an_earlier_one_is_written_once_and_an_empty_line_always()
    {
        var exact = new AppendPlan(["a", "a", "", "b", ""], Partial: false, Escape: true);
        var partial = new AppendPlan(["abc", "ab", "x"], Partial: true, Escape: true);

        Assert.Equal(["a", "", "b", ""], exact.Missing(["0", "1", "3", AppendPlan.Checked]));
        Assert.Equal(["", ""], exact.Missing([AppendPlan.Checked]));
        Assert.Equal(["abc", "x"], partial.Missing([AppendPlan.NoFile, AppendPlan.Checked]));
    }

    [Fact]
    public void The_write_is_one_printf_shown_as_is()
    {
        var plan = Plan(false, "export EDITOR=vim");

        Assert.Equal("printf '%s\\n' 'export EDITOR=vim' >> ~/.bashrc", plan.Write("~/.bashrc", plan.Lines, [AppendPlan.Checked]));
        Assert.Equal("printf '%s\\n' '' 'export EDITOR=vim' >> ~/.bashrc", plan.Write("~/.bashrc", plan.Lines, [AppendPlan.Unterminated, AppendPlan.Checked]));
    }
}
