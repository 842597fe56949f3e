using Fabric.Engine;
using Fabric.Tool.CommandLine;

namespace Fabric.Tests.Tool.CommandLine;

public class CommandLineParserTests
{
    [Fact]
    public void Task_tokens_keep_their_order_and_arguments()
    {
        var request = CommandLineParser.Parse(["-H", "a,b", "deploy:main,restart=false", "check"]);

        Assert.Equal(["deploy:main,restart=false", "check"], request.Tasks);
        Assert.Equal(["a", "b"], request.Hosts);
    }

    [Fact]
    public void Options_may_come_after_and_between_tasks()
    {
        var request = CommandLineParser.Parse(["deploy", "-H", "a", "check", "--set=k=v", "-w"]);

        Assert.Equal(["deploy", "check"], request.Tasks);
        Assert.Equal(["a"], request.Hosts);
        Assert.Equal([new KeyValuePair<string, string>("k", "v")], request.Settings);
        Assert.True(request.WarnOnly);
    }

    [Fact]
    public void After_a_double_dash_everything_is_a_task()
    {
        var request = CommandLineParser.Parse(["-w", "--", "deploy", "-x"]);

        Assert.Equal(["deploy", "-x"], request.Tasks);
    }

    [Fact]
    public void Fabric_letters_map_to_their_settings()
    {
        var request = CommandLineParser.Parse(["-R", "web,db", "-x", "web2", "-u", "deploy", "--port", "2222", "-w", "-f", "ops/fabfile", "t"]);

        Assert.Equal(["web", "db"], request.Roles);
        Assert.Equal(["web2"], request.ExcludeHosts);
        Assert.Equal("deploy", request.User);
        Assert.Equal(2222, request.Port);
        Assert.True(request.WarnOnly);
        Assert.Equal("ops/fabfile", request.Fabfile);
    }

    [Fact]
    public void Set_takes_comma_separated_pairs_and_keeps_equals_signs_in_values()
    {
        var request = CommandLineParser.Parse(["--set", "a=1,b=x=y", "--set", "flag", "t"]);

        Assert.Equal([new("a", "1"), new("b", "x=y"), new KeyValuePair<string, string>("flag", "")], request.Settings);
    }

    [Fact]
    public void Abort_on_prompts_is_off_unless_given()
    {
        Assert.False(CommandLineParser.Parse(["t"]).AbortOnPrompts);
        Assert.True(CommandLineParser.Parse(["--abort-on-prompts", "t"]).AbortOnPrompts);
    }

    [Fact]
    public void An_unknown_option_is_a_usage_error()
    {
        var error = Assert.Throws<FabricUsageException>(() => CommandLineParser.Parse(["--bogus", "t"]));

        Assert.Contains("Unknown option '--bogus'", error.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65536")]
    [InlineData("abc")]
    public void An_invalid_port_is_a_usage_error(string port)
    {
        var error = Assert.Throws<FabricUsageException>(() => CommandLineParser.Parse(["--port", port, "t"]));

        Assert.Contains($"Invalid --port '{port}'", error.Message);
    }

    [Fact]
    public void Shard_and_results_json_reach_the_request()
    {
        var request = CommandLineParser.Parse(["--shard", "2/3", "--results-json", "out.json", "t"]);

        Assert.Equal(new Fabric.Engine.Hosts.HostShard(2, 3), request.Shard);
        Assert.Equal(Path.GetFullPath("out.json"), request.ResultsJson);
        Assert.Equal(Fabric.Engine.Hosts.HostShard.All, CommandLineParser.Parse(["t"]).Shard);
    }

    [Theory]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("a/b")]
    public void An_invalid_shard_is_a_usage_error_naming_the_option(string shard)
    {
        var error = Assert.Throws<FabricUsageException>(() => CommandLineParser.Parse(["--shard", shard, "t"]));

        Assert.StartsWith($"Invalid --shard '{shard}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_option_value_is_a_usage_error()
    {
        Assert.Throws<FabricUsageException>(() => CommandLineParser.Parse(["-H"]));
    }

    [Fact]
    public void Ssh_config_agent_and_gateway_options_reach_the_request()
    {
        var request = CommandLineParser.Parse(["--ssh-config-path", "cfg", "-a", "-g", "u@bastion:2222", "t"]);

        Assert.Equal(("cfg", true, "u@bastion:2222"), (request.SshConfigPath, request.NoAgent, request.Gateway));
    }

    [Theory]
    [InlineData("-A")]
    [InlineData("--forward-agent")]
    public void Agent_forwarding_is_a_usage_error_never_ignored(string option)
    {
        var error = Assert.Throws<FabricUsageException>(() => CommandLineParser.Parse([option, "t"]));

        Assert.Contains("Agent forwarding", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shell_takes_the_whole_shell_line_as_one_value_and_is_unset_by_default()
    {
        Assert.Equal("/bin/sh -c", CommandLineParser.Parse(["--shell", "/bin/sh -c", "t"]).Shell);
        Assert.Equal("/bin/ash -l -c", CommandLineParser.Parse(["t", "--shell=/bin/ash -l -c"]).Shell);
        Assert.Null(CommandLineParser.Parse(["t"]).Shell);
    }

    [Fact]
    public void Help_names_shell_with_its_default_and_the_choice_for_hosts_without_bash()
    {
        var help = CommandLineParser.HelpText();

        Assert.Contains("--shell <SHELL>", help, StringComparison.Ordinal);
        Assert.Contains("/bin/bash -l -c", help, StringComparison.Ordinal);
        Assert.Contains("--shell \"/bin/sh -c\"", help, StringComparison.Ordinal);
    }
}
