using Fabric.Engine;
using Fabric.Tool.CommandLine;
using Fabric.Tool.Completion;

namespace Fabric.Tests.Tool.Completion;

public class CompletionScriptTests
{
    [Theory]
    [InlineData("bash", "complete -F _dotnet_fab_complete dotnet-fab")]
    [InlineData("zsh", "compdef _dotnet_fab dotnet-fab")]
    [InlineData("pwsh", "Register-ArgumentCompleter -Native -CommandName dotnet-fab")]
    public void Each_shell_gets_a_script_that_registers_for_dotnet_fab_and_knows_every_option(string shell, string registration)
    {
        var script = CompletionScript.For(shell, CommandLineParser.OptionNames());

        Assert.Contains(registration, script, StringComparison.Ordinal);
        Assert.Contains("--list-format short", script, StringComparison.Ordinal);
        foreach (var option in new[] { "--hosts", "-H", "--exclude-hosts", "--dry-run", "--log-file", "--completion", "--shell" })
        {
            Assert.Contains(option, script, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Shell_values_are_not_completed_as_task_names_and_zsh_offers_the_usual_two()
    {
        Assert.Contains("--show|--shell) return ;;", CompletionScript.For("bash", CommandLineParser.OptionNames()), StringComparison.Ordinal);
        Assert.Contains("--shell) compadd -- '/bin/bash -l -c' '/bin/sh -c'; return ;;", CompletionScript.For("zsh", CommandLineParser.OptionNames()), StringComparison.Ordinal);
    }

    [Fact]
    public void Option_names_come_from_the_parser()
    {
        var names = CommandLineParser.OptionNames();

        Assert.Contains("-d", names);
        Assert.Contains("--display", names);
        Assert.Contains("-V", names);
    }

    [Fact]
    public void An_unknown_shell_is_a_usage_error()
    {
        var error = Assert.Throws<FabricUsageException>(() => CompletionScript.For("fish", []));

        Assert.Contains("Unknown shell 'fish'", error.Message, StringComparison.Ordinal);
    }
}
