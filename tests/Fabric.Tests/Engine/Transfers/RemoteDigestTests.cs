using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Fabric.Engine.Transfers;

namespace Fabric.Tests.Engine.Transfers;

/// <summary>The server-side hash runs here under the shells a test host has: <c>/bin/sh</c>, and BusyBox alone.</summary>
public sealed class RemoteDigestTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"fabric digest 'quoted' $x {Guid.NewGuid():N}.txt");

    public RemoteDigestTests() => File.WriteAllText(_file, "the staged copy\n");

    public void Dispose() => File.Delete(_file);

    private string Hash => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(_file)));

    private static string Sh(string script)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return stdout;
    }

    [Fact]
    public void Printing_the_hash_under_sh_gives_the_same_hash_as_dotnet()
    {
        Assert.Equal(Hash, Sh(RemoteDigest.Print(ShellRunner.Quote(_file))));
    }

    [Fact]
    public void A_busybox_host_without_openssl_hashes_with_its_sha256sum_applet()
    {
        var (exit, stdout, _) = BusyBoxShell.Run(RemoteDigest.Print(ShellRunner.Quote(_file)));

        Assert.Equal(0, exit);
        Assert.Equal(Hash, Encoding.UTF8.GetString(stdout));
    }

    [Fact]
    public void A_host_with_nothing_to_hash_with_prints_nothing()
    {
        var (_, stdout, _) = BusyBoxShell.Run(RemoteDigest.Print(ShellRunner.Quote(_file)), BusyBoxShell.PathWithout("sha256sum"));

        Assert.Empty(stdout);
    }

    [Fact]
    public void Hashes_that_differ_are_a_mismatch_naming_both()
    {
        var other = new string('0', 64);

        Assert.StartsWith("SHA-256 mismatch (the source has " + Hash[..12] + "…, the copy 000000000000…", RemoteDigest.Mismatch(Hash, other), StringComparison.Ordinal);
    }

    [Fact]
    public void Hashes_that_agree_or_that_one_side_could_not_make_are_no_mismatch()
    {
        Assert.Null(RemoteDigest.Mismatch(Hash, Hash));
        Assert.Null(RemoteDigest.Mismatch(Hash, ""));
        Assert.Null(RemoteDigest.Mismatch("", Hash));
    }
}
