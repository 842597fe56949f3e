using Fabric.EndToEnd.Tests.Ssh;

namespace Fabric.EndToEnd.Tests.Ports;

/// <summary>
/// The port of iterativ/error-pages' fabfile.py (tests/fabfiles/ports/error-pages): the
/// fabfile's own folder rsynced to the web server's folder, its exclusions left out, then the server restarted.
/// </summary>
[Collection(SshdGroup.Name)]
public sealed class ErrorPagesTests(SshdFixture sshd) : IDisposable
{
    private readonly PortedFabfile _fab = new(sshd, "error-pages");
    private readonly string _site = Directory.CreateTempSubdirectory("port-errorpages-").FullName;
    private readonly DirectoryInfo _elsewhere = Directory.CreateTempSubdirectory("port-errorpages-cwd-");

    [Fact]
    public async Task Deploy_rsyncs_the_fabfiles_folder_without_its_exclusions_from_any_folder_and_restarts()
    {
        var target = Path.Combine(_site, "error-pages");
        PortedFabfile.AsRoot($"mkdir -p '{target}' && echo stale > '{target}/old.html' && chown -R {SshdFixture.TestUser}: '{_site}'");

        var result = await _fab.RunAsync(
            _elsewhere.FullName,
            "--set", $"host={_fab.Host(0, SshdFixture.TestUser)},remote_app={target},restart=touch {_site}/restarted", "deploy");

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var page in new[] { "404.html", "500.html", "503.html", "css/style.css" })
        {
            Assert.Equal(File.ReadAllText(Path.Combine(_fab.Project, page)), File.ReadAllText(Path.Combine(target, page)));
        }

        Assert.Equal(
            ["404.html", "500.html", "503.html", "css/style.css", "old.html"],
            Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(target, f)).Order(StringComparer.Ordinal));
        Assert.True(File.Exists(Path.Combine(_site, "restarted")));
        Assert.Equal(SshdFixture.TestUser, PortedFabfile.AsRoot($"stat -c %U '{target}/404.html'").Trim());
    }

    public void Dispose()
    {
        Directory.Delete(_site, recursive: true);
        _elsewhere.Delete(recursive: true);
    }
}
