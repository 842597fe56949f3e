namespace Fabric.Tests.Library;

public sealed class ConnectionOptionsTests
{
    [Fact]
    public void Default_options_have_no_problem()
    {
        Assert.Null(new ConnectionOptions().Problem());
    }

    [Theory]
    [InlineData(0, "ConnectionOptions.Port 0 is not a port")]
    [InlineData(65536, "ConnectionOptions.Port 65536 is not a port")]
    public void A_port_outside_the_range_is_named(int port, string expected)
    {
        Assert.StartsWith(expected, new ConnectionOptions { Port = port }.Problem(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_connect_timeout_that_is_not_positive_is_refused()
    {
        Assert.StartsWith("ConnectionOptions.ConnectTimeout must be more than zero", new ConnectionOptions { ConnectTimeout = TimeSpan.Zero }.Problem(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_blank_user_or_shell_is_refused()
    {
        Assert.StartsWith("ConnectionOptions.User is blank", new ConnectionOptions { User = " " }.Problem(), StringComparison.Ordinal);
        Assert.StartsWith("ConnectionOptions.Shell is blank", new ConnectionOptions { Shell = "" }.Problem(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_key_file_or_ssh_config_is_named_with_its_path()
    {
        var missing = Path.Combine(Path.GetTempPath(), "fabric-no-such-" + Guid.NewGuid().ToString("N"));

        var key = new ConnectionOptions { KeyFiles = [missing] }.Problem();
        var config = new ConnectionOptions { SshConfigFile = missing }.Problem();

        Assert.StartsWith("ConnectionOptions.KeyFiles: ", key, StringComparison.Ordinal);
        Assert.Contains(missing, key, StringComparison.Ordinal);
        Assert.Equal($"ConnectionOptions.SshConfigFile '{missing}' does not exist.", config);
    }

    [Fact]
    public void A_bad_gateway_host_string_is_named()
    {
        Assert.StartsWith("ConnectionOptions.Gateway: Invalid host string 'jump:abc': the port", new ConnectionOptions { Gateway = "jump:abc" }.Problem(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_throws_an_argument_error_with_the_problem()
    {
        var error = Assert.Throws<ArgumentException>(() => new ConnectionOptions { Port = -1 }.Validate());
        Assert.StartsWith("ConnectionOptions.Port -1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_form_never_shows_the_password()
    {
        var text = new ConnectionOptions { User = "deploy", Password = "s3cret-pw" }.ToString();

        Assert.Contains("User = deploy", text, StringComparison.Ordinal);
        Assert.Contains("Password = (set)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Engine_options_take_what_is_set_as_full_paths_and_keep_the_tool_defaults_otherwise()
    {
        var options = new ConnectionOptions
        {
            KeyFiles = ["keys/id"],
            KnownHostsFile = "kh",
            RejectUnknownHosts = true,
            UseAgent = false,
            ConnectTimeout = TimeSpan.FromSeconds(3),
            Password = "pw",
        }.ToSshOptions();
        var defaults = new ConnectionOptions().ToSshOptions();

        Assert.Equal([Path.GetFullPath("keys/id")], options.KeyFiles);
        Assert.Equal(Path.GetFullPath("kh"), options.KnownHostsFile);
        Assert.True(options.RejectUnknownHosts);
        Assert.False(options.UseAgent);
        Assert.Equal(TimeSpan.FromSeconds(3), options.ConnectTimeout);
        Assert.True(options.ConnectTimeoutGiven);
        Assert.Equal("pw", options.Password);
        Assert.False(defaults.ConnectTimeoutGiven);
        Assert.True(defaults.UseAgent);
        Assert.Null(defaults.KnownHostsFile);
    }
}
