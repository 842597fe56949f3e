using Fabric.Engine.Files;

namespace Fabric.Tests.Engine.Files;

/// <summary>Any text and any path become one shell word with exactly their value, under BusyBox ash and dash alike.</summary>
public sealed class ShellWordsTests
{
    /// <summary>Everything a shell could read as something else, and text that reads as an option.</summary>
    internal static readonly string[] Nasty =
    [
        "plain", "two words", "it's", "say \"hi\"", "$HOME", "${x:-y}", "`date`", "$(date)", "back\\slash", "a\\nb",
        "/slash/es", "a & b", "-n", "--", "-e x", "*", "?", "[x]", "{a,b}", "(g)", "a|b", "^x$", "a.b+c", "~", "~/x",
        "#hash", "100%", "!bang", "semi;colon", "tab\there", "two\nlines", "é 😀", "", " ", "'", "''", "\\", "=",
    ];

    public static TheoryData<Userland> Both => UserlandShell.Both;

    [Theory]
    [MemberData(nameof(Both))]
    public void Every_text_is_one_word_holding_exactly_that_text(Userland userland)
    {
        using var shell = new UserlandShell(userland);

        foreach (var text in Nasty)
        {
            var (exit, stdout, _) = shell.Run("printf '%s|' " + ShellWords.Text(text));

            Assert.Equal(0, exit);
            Assert.Equal(text + "|", stdout);
        }
    }

    [Fact]
    public void Plain_text_and_paths_stay_bare_so_the_command_shown_reads_well()
    {
        Assert.Equal("/etc/hosts", ShellWords.Path("/etc/hosts"));
        Assert.Equal("export", ShellWords.Text("export"));
        Assert.Equal("'/srv/my app'", ShellWords.Path("/srv/my app"));
        Assert.Equal("''", ShellWords.Text(""));
    }

    [Theory]
    [MemberData(nameof(Both))]
    public void A_path_under_the_home_folder_expands_the_tilde_and_keeps_the_rest_literal(Userland userland)
    {
        using var shell = new UserlandShell(userland);

        var (_, stdout, _) = shell.Run("printf '%s|' " + ShellWords.Path("~/my 'app' $x") + " " + ShellWords.Path("~") + " " + ShellWords.Path("~/"));

        Assert.Equal($"{shell.Folder}/my 'app' $x|{shell.Folder}|{shell.Folder}/|", stdout);
    }

    [Fact]
    public void A_relative_path_starting_with_a_dash_is_never_an_option()
    {
        Assert.Equal("./-n", ShellWords.Path("-n"));
        Assert.Equal("'./-my file'", ShellWords.Path("-my file"));
    }

    [Fact]
    public void A_NUL_character_is_refused_naming_the_parameter()
    {
        var error = Assert.Throws<ArgumentException>(() => ShellWords.Path("a\0b"));

        Assert.Equal("path", error.ParamName);
    }
}
