using Fabric.Engine.Transfers;

namespace Fabric.Tests.Engine.Transfers;

public class SftpPathsTests
{
    [Theory]
    [InlineData("~", ".")]
    [InlineData("~/", ".")]
    [InlineData("~/app/x.conf", "app/x.conf")]
    [InlineData("/etc/x.conf", "/etc/x.conf")]
    [InlineData("rel/x", "rel/x")]
    public void Home_relative_paths_become_relative_to_the_login_directory(string path, string expected)
    {
        Assert.Equal(expected, SftpPaths.For(path));
    }

    [Fact]
    public void Another_users_home_has_no_sftp_form()
    {
        Assert.Null(SftpPaths.For("~deploy/app"));
    }
}
