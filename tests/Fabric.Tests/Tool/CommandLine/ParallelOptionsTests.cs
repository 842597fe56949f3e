using Fabric.Engine;
using Fabric.Tool.CommandLine;

namespace Fabric.Tests.Tool.CommandLine;

public class ParallelOptionsTests
{
    [Fact]
    public void Parallel_pool_size_and_skip_bad_hosts_map_to_the_request()
    {
        var request = CommandLineParser.Parse(["-P", "-z", "50", "--skip-bad-hosts", "deploy"]);

        Assert.True(request.Parallel);
        Assert.Equal(50, request.PoolSize);
        Assert.True(request.SkipBadHosts);
    }

    [Fact]
    public void Without_the_options_runs_are_serial_with_no_pool_size()
    {
        var request = CommandLineParser.Parse(["deploy"]);

        Assert.False(request.Parallel);
        Assert.Null(request.PoolSize);
        Assert.False(request.SkipBadHosts);
    }

    [Fact]
    public void Pty_is_off_unless_given_and_is_in_help_and_completion()
    {
        Assert.False(CommandLineParser.Parse(["deploy"]).Pty);
        Assert.True(CommandLineParser.Parse(["--pty", "deploy"]).Pty);
        Assert.Contains("--pty", CommandLineParser.HelpText(), StringComparison.Ordinal);
        Assert.Contains("--pty", CommandLineParser.OptionNames());
    }

    [Fact]
    public void Linewise_is_off_unless_given_and_is_in_help_and_completion()
    {
        Assert.False(CommandLineParser.Parse(["deploy"]).Linewise);
        Assert.True(CommandLineParser.Parse(["--linewise", "deploy"]).Linewise);
        Assert.Contains("--linewise", CommandLineParser.HelpText(), StringComparison.Ordinal);
        Assert.Contains("--linewise", CommandLineParser.OptionNames());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("many")]
    public void A_pool_size_below_one_or_not_a_number_is_a_usage_error(string size)
    {
        Assert.Throws<FabricUsageException>(() => CommandLineParser.Parse(["--pool-size", size, "deploy"]));
    }
}
