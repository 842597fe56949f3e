using System.Diagnostics;
using System.Security.Cryptography;
using Fabric.Engine.Ssh;
using Fabric.Engine.Transfers;

namespace Fabric.Tests.Engine.Transfers;

/// <summary>The server-side check runs here under the same <c>/bin/sh</c> a test host has.</summary>
public sealed class RemoteDigestTests : IDisposable
{
    private readonly string _file = Path.GetTempFileName();

    public RemoteDigestTests() => File.WriteAllText(_file, "the staged copy\n");

    public void Dispose() => File.Delete(_file);

    private string Hash => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(_file)));

    private static (int Exit, string Stdout, string Stderr) Shell(string script, string path = "/usr/bin:/bin")
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.Environment["PATH"] = path;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr);
    }

    [Fact]
    public void The_check_passes_when_the_copy_hashes_to_what_was_sent()
    {
        var (exit, _, stderr) = Shell(RemoteDigest.Check(ShellQuoting.QuotePath(_file), Hash) + " && echo placed");

        Assert.Equal(0, exit);
        Assert.Null(RemoteDigest.MismatchIn(stderr));
    }

    [Fact]
    public void A_copy_that_differs_fails_the_check_and_names_the_hash_the_server_found()
    {
        var sent = Hash;
        File.AppendAllText(_file, "one more line\n");

        var (exit, stdout, stderr) = Shell(RemoteDigest.Check(ShellQuoting.QuotePath(_file), sent) + " && echo placed");

        Assert.NotEqual(0, exit);
        Assert.DoesNotContain("placed", stdout, StringComparison.Ordinal);
        Assert.Equal(Hash, RemoteDigest.MismatchIn(stderr));
        Assert.StartsWith("SHA-256 mismatch (the source has " + sent[..12], RemoteDigest.Mismatch(sent, Hash), StringComparison.Ordinal);
    }

    [Fact]
    public void A_server_with_nothing_to_hash_with_says_so_and_the_check_does_not_fail()
    {
        var (exit, _, stderr) = Shell(RemoteDigest.Check(ShellQuoting.QuotePath(_file), new string('0', 64)), path: "/nonexistent");

        Assert.Equal(0, exit);
        Assert.True(RemoteDigest.UnavailableIn(stderr), stderr);
    }

    [Fact]
    public void Printing_the_hash_gives_the_same_hash_as_dotnet()
    {
        Assert.Equal(Hash, Shell(RemoteDigest.Print(ShellQuoting.Quote(_file))).Stdout.Trim());
    }

    [Fact]
    public void Hashes_that_agree_or_that_one_side_could_not_make_are_no_mismatch()
    {
        Assert.Null(RemoteDigest.Mismatch(Hash, Hash));
        Assert.Null(RemoteDigest.Mismatch(Hash, ""));
        Assert.Null(RemoteDigest.Mismatch("", Hash));
    }
}
