using Fabric.Engine.Files;

namespace Fabric.Tests.Engine.Files;

/// <summary>
/// The sed commands of <c>Sed</c>, <c>Comment</c> and <c>Uncomment</c>, built here and run against a temporary file under
/// BusyBox sed and GNU sed: Fabric's own edge cases (<c>/</c>, <c>&amp;</c>, quotes and backslashes), the backup, the
/// file's mode, and comment idempotence.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SedScriptTests
{
    public static TheoryData<Userland> Both => UserlandShell.Both;

    private static string Edit(UserlandShell shell, string content, string backup, params string[] expressions)
    {
        shell.Write("conf", content);
        var (exit, _, stderr) = shell.Run(SedScript.Command("conf", backup, expressions));
        Assert.True(exit == 0, stderr);
        return shell.Read("conf");
    }

    [Theory]
    [MemberData(nameof(Both))]
    public void Slashes_in_before_after_and_limit_need_no_escaping(Userland userland)
    {
        using var shell = new UserlandShell(userland);

        var result = Edit(shell, "url = http://old.example/a\nother = http://old.example/a\n", "",
            SedScript.Substitute("http://old\\.example/a", "https://new.example/b/", limit: "^url"));

        Assert.Equal("url = https://new.example/b/\nother = http://old.example/a\n", result);
    }

    [Theory]
    [MemberData(nameof(Both))]
    public void A_slash_inside_a_bracket_expression_keeps_its_meaning(Userland userland)
    {
        using var shell = new UserlandShell(userland);

        var result = Edit(shell, "root=/dev/sda1 ro\n", "", SedScript.Substitute("root=[^ /]*/[^ ]*", "root=UUID=1234"));

        Assert.Equal("root=UUID=1234 ro\n", result);
    }

    [Theory]
    [MemberData(nameof(Both))]
    public void An_ampersand_in_after_is_the_match_and_an_escaped_one_is_literal(Userland userland)
    {
        using var shell = new UserlandShell(userland);

        var result = Edit(shell, "name\n", "", SedScript.Substitute("(na)me", "<&> \\& [\\1]"));

        Assert.Equal("<name> & [na]\n", result);
    }

    [Theory]
    [MemberData(nameof(Both))]
    public void Quotes_dollars_backticks_and_backslashes_reach_sed_as_written(Userland userland)
    {
        using var shell = new UserlandShell(userland);

        var result = Edit(shell, "say 'hi' \"there\" $HOME `cmd` C:\\dir\n", "",
            SedScript.Substitute("'hi' \"there\" \\$HOME `cmd` C:\\\\dir", "it's \"ok\" $PATH `x` D:\\\\new"));

        Assert.Equal("say it's \"ok\" $PATH `x` D:\\new\n", result);
    }

    [Theory]
    [MemberData(nameof(Both))]
    public void A_line_break_in_after_is_written_as_one(Userland userland)
    {
        using var shell = new UserlandShell(userland);

        var result = Edit(shell, "a=1\n", "", SedScript.Substitute("^a=1$", "a=1\nb=2"));

        Assert.Equal("a=1\nb=2\n", result);
    }

    [Theory]
    [MemberData(nameof(Both))]
    public void Every_match_on_a_line_is_replaced_and_flag_i_ignores_case(Userland userland)
    {
        using var shell = new UserlandShell(userland);

        var result = Edit(shell, "Foo foo FOO\n", "", SedScript.Substitute("foo", "x", flags: "i"));

        Assert.Equal("x x x\n", result);
    }

    [Theory]
    [MemberData(nameof(Both))]
    public void The_backup_keeps_the_old_text_and_the_file_keeps_its_mode(Userland userland)
    {
        using var shell = new UserlandShell(userland);
        shell.Write("my conf", "a\n");
        File.SetUnixFileMode(shell.PathOf("my conf"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        var (exit, _, stderr) = shell.Run(SedScript.Command("my conf", ".orig 1", SedScript.Substitute("a", "b")));

        Assert.True(exit == 0, stderr);
        Assert.Equal("b\n", shell.Read("my conf"));
        Assert.Equal("a\n", shell.Read("my conf.orig 1"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(shell.PathOf("my conf")));
    }

    [Theory]
    [MemberData(nameof(Both))]
    public void No_backup_suffix_leaves_no_copy(Userland userland)
    {
        using var shell = new UserlandShell(userland);

        Edit(shell, "a\n", "", SedScript.Substitute("a", "b"));

        Assert.Equal(["conf"], Directory.GetFiles(shell.Folder).Select(Path.GetFileName));
    }

    [Theory]
    [MemberData(nameof(Both))]
    public void Comment_puts_the_string_at_the_start_of_each_matching_line_and_twice_is_once(Userland userland)
    {
        using var shell = new UserlandShell(userland);
        const string before = "foo = 1\n    foo = 2\nbar foo\n#foo = 3\n  # foo = 4\nfood\n";

        var once = Edit(shell, before, "", SedScript.Comment("^[[:space:]]*foo ", "#"));
        var twice = Edit(shell, once, "", SedScript.Comment("^[[:space:]]*foo ", "#"));

        Assert.Equal("#foo = 1\n#    foo = 2\nbar foo\n#foo = 3\n  # foo = 4\nfood\n", once);
        Assert.Equal(once, twice);
    }

    [Theory]
    [MemberData(nameof(Both))]
    public void Comment_anchors_as_Fabric_does_and_takes_any_comment_string_literally(Userland userland)
    {
        using var shell = new UserlandShell(userland);

        var anchored = Edit(shell, "a\nb\nab\nxb\n", "", SedScript.Comment("^a|b$", "#"));
        var slashes = Edit(shell, "x = 1;\n// x = 2;\n", "", SedScript.Comment("^x", "//"));
        var odd = Edit(shell, "x\n", "", SedScript.Comment("x", "&\\/ "));

        Assert.Equal("#a\n#b\nab\nxb\n", anchored);
        Assert.Equal("//x = 1;\n// x = 2;\n", slashes);
        Assert.Equal("&\\/ x\n", odd);
    }

    [Theory]
    [MemberData(nameof(Both))]
    public void Uncomment_removes_the_string_and_one_blank_keeps_the_indent_and_twice_is_once(Userland userland)
    {
        using var shell = new UserlandShell(userland);
        const string before = "# foo = 1\n    #foo = 2\n#  foo = 3\n# bar\n";

        var once = Edit(shell, before, "", SedScript.Uncomment("foo", "#"));
        var twice = Edit(shell, once, "", SedScript.Uncomment("foo", "#"));

        Assert.Equal("foo = 1\n    foo = 2\n foo = 3\n# bar\n", once);
        Assert.Equal(once, twice);
    }

    [Theory]
    [MemberData(nameof(Both))]
    public void Comment_then_uncomment_gives_the_lines_back(Userland userland)
    {
        using var shell = new UserlandShell(userland);
        const string original = "PermitRootLogin yes\nPort 22\n";

        var commented = Edit(shell, original, "", SedScript.Comment("^PermitRootLogin", "#"));
        var back = Edit(shell, commented, "", SedScript.Uncomment("PermitRootLogin", "#"));

        Assert.Equal("#PermitRootLogin yes\nPort 22\n", commented);
        Assert.Equal(original, back);
    }

    [Fact]
    public void The_delimiter_is_one_the_expressions_do_not_hold_slash_first()
    {
        Assert.Equal("s/a/b/g", SedScript.Substitute("a", "b"));
        Assert.Equal("s|a/b|c|g", SedScript.Substitute("a/b", "c"));
        Assert.Equal("\\#x|y# s#a/b#c#g", SedScript.Substitute("a/b", "c", limit: "x|y"));
        Assert.Equal("s/a/b/ig", SedScript.Substitute("a", "b", flags: "ig"));
    }

    [Fact]
    public void The_command_reads_like_Fabrics()
    {
        Assert.Equal("sed -i.bak -E -e 's/^port = .*/port = 8080/g' /etc/app.conf", SedScript.Command("/etc/app.conf", ".bak", SedScript.Substitute("^port = .*", "port = 8080")));
        Assert.Equal("sed -i -E -e 's/a/b/g' '/srv/my app.conf'", SedScript.Command("/srv/my app.conf", "", SedScript.Substitute("a", "b")));
    }

    [Theory]
    [InlineData("w /tmp/x")]
    [InlineData("e")]
    [InlineData("p")]
    [InlineData("/")]
    public void Flags_other_than_case_and_a_number_are_refused(string flags)
    {
        var error = Assert.Throws<ArgumentException>(() => SedScript.Substitute("a", "b", flags: flags));

        Assert.Equal("flags", error.ParamName);
    }

    [Fact]
    public void An_empty_before_a_line_break_in_before_or_limit_and_an_empty_comment_string_are_refused()
    {
        Assert.Equal("before", Assert.Throws<ArgumentException>(() => SedScript.Substitute("a\nb", "c")).ParamName);
        Assert.Equal("before", Assert.Throws<ArgumentException>(() => SedScript.Substitute("", "c")).ParamName);
        Assert.Equal("limit", Assert.Throws<ArgumentException>(() => SedScript.Substitute("a", "c", limit: "x\n")).ParamName);
        Assert.Contains("(char)", Assert.Throws<ArgumentException>(() => SedScript.Comment("a", " ")).Message, StringComparison.Ordinal);
    }
}
